package org.loghandlers.cdi;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Lets through only the records of one deployment, for a handler on a logger the whole server shares (the root
 * logger on WildFly and Payara): a record belongs to it when it is logged on a thread whose context class loader is
 * the deployment's, one below it, or one above it (the server's and the JDK's loaders, which carry no other
 * deployment). A loader unrelated to the deployment's is another deployment's (or a server module's), and its
 * records are left out. The handler's own filter, if any, then decides as before.
 */
final class DeploymentRecordsFilter implements Filter {

    private final ClassLoader deployment;
    private final Filter next;

    DeploymentRecordsFilter(ClassLoader deployment, Filter next) {
        this.deployment = deployment;
        this.next = next;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return (context == deployment || related(context)) && (next == null || next.isLoggable(record));
    }

    private boolean related(ClassLoader context) {
        if (context == null) {
            return true;
        }
        for (ClassLoader above = deployment.getParent(); above != null; above = above.getParent()) {
            if (above == context) {
                return true;
            }
        }
        for (ClassLoader above = context.getParent(); above != null; above = above.getParent()) {
            if (above == deployment) {
                return true;
            }
        }
        return false;
    }
}
