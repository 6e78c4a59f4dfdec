package org.loghandlers.cdi;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * A stand-in for a container's JNDI tree, installed with {@code java.naming.factory.initial}: it holds whatever a
 * test binds, as an application server holds its ManagedExecutorService under a {@code java:comp} name.
 */
public final class ContainerNaming implements InitialContextFactory {

    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        return new InitialContext(true) {
            @Override
            public Object lookup(String name) throws NamingException {
                Object found = BOUND.get(name);
                if (found == null) {
                    throw new NameNotFoundException(name);
                }
                return found;
            }
        };
    }
}
