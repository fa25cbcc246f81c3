package data

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// unknownKeys lists the keys of a decoded manifest (v, from
// json.Unmarshal into any) that Manifest has no field for, as paths
// ("layers[2].style.colour"), in document order of the fields known.
func unknownKeys(v any) []string {
	var out []string
	walkKeys("", v, reflect.TypeFor[Manifest](), &out)
	return out
}

var timeType = reflect.TypeFor[time.Time]()

func walkKeys(path string, v any, t reflect.Type, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok || t == timeType {
			return // a type error: the decoder reports it
		}
		fields := jsonFields(t)
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			f, known := fields[k]
			if !known {
				*out = append(*out, join(path, k))
				continue
			}
			walkKeys(join(path, k), obj[k], f.Type, out)
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for _, k := range slices.Sorted(maps.Keys(obj)) {
				walkKeys(join(path, k), obj[k], t.Elem(), out)
			}
		}
	case reflect.Slice:
		if list, ok := v.([]any); ok {
			for i, e := range list {
				walkKeys(path+"["+strconv.Itoa(i)+"]", e, t.Elem(), out)
			}
		}
	}
}

// jsonFields maps the JSON names of t's exported fields to the fields.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || name == "" {
			continue
		}
		fields[name] = f
	}
	return fields
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
