package org.payengine.simulator;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.serializer.SerializerFeature;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field paths the stock SDK puts on the wire for one request model: every field of the model filled in
 * (recursively, one element per list, a marker key per open map), serialised the way the SDK's {@code execute}
 * serialises a request, and read back as paths — {@code order.goods[].goodsName}, {@code paymentMethod.paymentMethodMetaData.*}
 * for a map the SDK leaves open.
 */
final class SdkRequestFields {

    private static final String OPEN_MAP = "__open_map__";
    private static final int MAX_DEPTH = 8;

    private SdkRequestFields() {
    }

    static Set<String> of(Class<?> requestModel) {
        Object filled = filled(requestModel, 0);
        JSONObject json = JSON.parseObject(JSON.toJSONString(filled, SerializerFeature.DisableCircularReferenceDetect));
        Set<String> paths = new TreeSet<>();
        collect(json, "", paths);
        return paths;
    }

    private static void collect(JSONObject json, String prefix, Set<String> paths) {
        for (Map.Entry<String, Object> field : json.entrySet()) {
            if (field.getKey().equals(OPEN_MAP)) {
                paths.add(prefix + "*");
                continue;
            }
            String path = prefix + field.getKey();
            paths.add(path);
            Object value = field.getValue();
            if (value instanceof JSONObject) {
                collect((JSONObject) value, path + ".", paths);
            } else if (value instanceof JSONArray && !((JSONArray) value).isEmpty()
                    && ((JSONArray) value).get(0) instanceof JSONObject) {
                collect(((JSONArray) value).getJSONObject(0), path + "[].", paths);
            }
        }
    }

    private static Object filled(Class<?> type, int depth) {
        try {
            Object instance = type.getDeclaredConstructor().newInstance();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Object value = sample(field.getType(), field.getGenericType(), depth);
                    if (value != null) {
                        field.setAccessible(true);
                        field.set(instance, value);
                    }
                }
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fill " + type.getName(), e);
        }
    }

    private static Object sample(Class<?> type, Type generic, int depth) {
        if (type == String.class) {
            return "x";
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return type == Long.class || type == long.class ? (Object) 1L : (Object) 1;
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return type == BigDecimal.class ? BigDecimal.ONE : type == Float.class || type == float.class ? (Object) 1f : 1d;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants.length == 0 ? null : constants[0];
        }
        if (Map.class.isAssignableFrom(type)) {
            Map<String, Object> open = new LinkedHashMap<>();
            open.put(OPEN_MAP, "x");
            return open;
        }
        if (List.class.isAssignableFrom(type)) {
            Type element = generic instanceof ParameterizedType ? ((ParameterizedType) generic).getActualTypeArguments()[0] : String.class;
            Class<?> elementClass = element instanceof Class ? (Class<?>) element
                    : element instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) element).getRawType() : String.class;
            List<Object> list = new ArrayList<>();
            Object value = sample(elementClass, element, depth);
            if (value != null) {
                list.add(value);
            }
            return list;
        }
        if (type.getName().startsWith("com.alipay.") && depth < MAX_DEPTH && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers())) {
            return filled(type, depth + 1);
        }
        return null;
    }
}
