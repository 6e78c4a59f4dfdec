package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that handler options can be set the way configuration tools set them. */
final class JavaBeanOptions {

    private JavaBeanOptions() {
    }

    static void assertConfigurable(Class<?> type, String... options) throws Exception {
        Set<String> readWrite = Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                .filter(p -> p.getReadMethod() != null && p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .collect(Collectors.toSet());
        for (String option : options) {
            assertTrue(readWrite.contains(option), type.getSimpleName() + " has no read-write property " + option);
            String setter = "set" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
            long setters = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                    .filter(m -> Modifier.isPublic(m.getModifiers()))
                    .map(Method::getName)
                    .count();
            assertEquals(1, setters, type.getSimpleName() + "." + setter + " must not be overloaded");
        }
        type.getConstructor();
    }
}
