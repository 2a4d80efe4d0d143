// Package contract holds the rules of the boundary between Go and the UI
// (Wails bindings, serve mode's RPC, events): lists cross it as [] and
// objects as {}, never null. The TypeScript declarations generated from the
// Go code are written by ./tsgen.
package contract

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"
)

// Filled returns v with every nil slice and nil map it reaches replaced by an
// empty one, so JSON shows [] and {} where Go would write null. Nil pointers
// and interfaces stay null (they mean "absent"). v itself is not modified:
// what needs filling is copied. Types with their own JSON encoding, and
// []byte, are left alone.
func Filled[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	if !needsFill(rv.Type()) {
		return v
	}
	out := fill(rv)
	return out.Interface().(T)
}

// Result is Filled for a bound method's (value, error) pair.
func Result[T any](v T, err error) (T, error) {
	if err != nil {
		return v, err
	}
	return Filled(v), nil
}

var (
	marshalerType     = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	textMarshalerType = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	needsCache        sync.Map // reflect.Type → bool
)

func ownEncoding(t reflect.Type) bool {
	return t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType)
}

func isBytes(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
}

// needsFill reports whether a value of type t can hold a nil slice or map
// that JSON would show as null.
func needsFill(t reflect.Type) bool {
	if b, ok := needsCache.Load(t); ok {
		return b.(bool)
	}
	b := computeNeeds(t, map[reflect.Type]bool{})
	needsCache.Store(t, b)
	return b
}

// computeNeeds walks t; a type met again on the way (a recursive type)
// adds nothing new, so it counts as false there.
func computeNeeds(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if b, ok := needsCache.Load(t); ok {
		return b.(bool)
	}
	if visiting[t] || ownEncoding(t) || isBytes(t) {
		return false
	}
	visiting[t] = true
	defer delete(visiting, t)
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Interface:
		return true
	case reflect.Array, reflect.Pointer:
		return computeNeeds(t.Elem(), visiting)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && f.Tag.Get("json") != "-" && computeNeeds(f.Type, visiting) {
				return true
			}
		}
	}
	return false
}

// fill returns a filled copy of v (a new, settable value of v's type).
func fill(v reflect.Value) reflect.Value {
	t := v.Type()
	if !needsFill(t) {
		return v
	}
	switch t.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return reflect.MakeSlice(t, 0, 0)
		}
		if !needsFill(t.Elem()) {
			return v
		}
		out := reflect.MakeSlice(t, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(fill(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return reflect.MakeMap(t)
		}
		if !needsFill(t.Elem()) {
			return v
		}
		out := reflect.MakeMapWithSize(t, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out.SetMapIndex(iter.Key(), fill(iter.Value()))
		}
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(t).Elem()
		out.Set(fill(v.Elem()))
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(t.Elem())
		out.Elem().Set(fill(v.Elem()))
		return out
	case reflect.Array:
		out := reflect.New(t).Elem()
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(fill(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(t).Elem()
		out.Set(v) // unexported fields too
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && f.Tag.Get("json") != "-" && needsFill(f.Type) {
				out.Field(i).Set(fill(v.Field(i)))
			}
		}
		return out
	}
	return v
}
