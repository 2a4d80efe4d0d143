package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/contract"
)

// Every bound method that returns a value returns it through contract.Result
// or contract.Filled, so the UI never receives null for a list or a map.
func TestBoundMethodsReturnThroughContract(t *testing.T) {
	fset := token.NewFileSet()
	// app.go and the per-feature app_<feature>.go files hold the bound methods.
	files, err := filepath.Glob("app*.go")
	if err != nil {
		t.Fatal(err)
	}
	var decls []ast.Decl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	checked := 0
	for _, d := range decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || !fn.Name.IsExported() || fn.Type.Results == nil {
			continue
		}
		if !returnsValue(fn.Type.Results) {
			continue
		}
		checked++
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			ret, ok := n.(*ast.ReturnStmt)
			if !ok {
				return true
			}
			if len(ret.Results) != 1 || !isContractCall(ret.Results[0]) {
				t.Errorf("%s: App.%s returns without contract.Result/contract.Filled (nil lists would reach the UI as null)",
					fset.Position(ret.Pos()), fn.Name.Name)
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("only %d value-returning methods found in app*.go: is the parser looking at the right file?", checked)
	}
}

func returnsValue(fl *ast.FieldList) bool {
	for _, r := range fl.List {
		if id, ok := r.Type.(*ast.Ident); !ok || id.Name != "error" {
			return true
		}
	}
	return false
}

func isContractCall(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	if ix, ok := call.Fun.(*ast.IndexExpr); ok { // contract.Filled[T](…)
		call = &ast.CallExpr{Fun: ix.X}
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "contract" && (sel.Sel.Name == "Result" || sel.Sel.Name == "Filled")
}

// Walks the result type of every bound method: a value with one element in
// every list and map, and nil lists and maps below those, comes out of
// contract.Filled with no nil list or map left and encodes without null
// where the UI expects [] or {}.
func TestBoundResultTypesHaveNoNullLists(t *testing.T) {
	errorType := reflect.TypeOf((*error)(nil)).Elem()
	at := reflect.TypeOf(&App{})
	walked := 0
	for i := 0; i < at.NumMethod(); i++ {
		m := at.Method(i)
		for r := 0; r < m.Type.NumOut(); r++ {
			rt := m.Type.Out(r)
			if rt == errorType {
				continue
			}
			walked++
			v := populated(rt, 0)
			filled := reflect.ValueOf(contract.Filled[any](v.Interface()))
			if path := nilList(filled, m.Name); path != "" {
				t.Errorf("App.%s result %s: %s is still nil after contract.Filled", m.Name, rt, path)
			}
			if _, err := json.Marshal(filled.Interface()); err != nil {
				t.Errorf("App.%s result %s does not encode: %v", m.Name, rt, err)
			}
		}
	}
	if walked < 50 {
		t.Fatalf("only %d bound result types walked", walked)
	}
}

// populated builds a value of t whose pointers are set and whose lists and
// maps hold one element (to depth 4), with nil lists and maps below that.
func populated(t reflect.Type, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	if depth > 4 {
		return v
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		p.Elem().Set(populated(t.Elem(), depth+1))
		v.Set(p)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return v
		}
		s := reflect.MakeSlice(t, 1, 1)
		s.Index(0).Set(populated(t.Elem(), depth+1))
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(t)
		m.SetMapIndex(reflect.New(t.Key()).Elem(), populated(t.Elem(), depth+1))
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && !strings.HasPrefix(t.PkgPath(), "time") {
				v.Field(i).Set(populated(t.Field(i).Type, depth+1))
			}
		}
	}
	return v
}

// nilList names the first nil list or map reachable through exported,
// JSON-visible fields, or "".
func nilList(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return nilList(v.Elem(), path)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return ""
		}
		if v.IsNil() {
			return path
		}
		for i := 0; i < v.Len(); i++ {
			if p := nilList(v.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Map:
		if v.IsNil() {
			return path
		}
		iter := v.MapRange()
		for iter.Next() {
			if p := nilList(iter.Value(), path+"{}"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		if _, ok := v.Interface().(json.Marshaler); ok {
			return ""
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.IsExported() && f.Tag.Get("json") != "-" {
				if p := nilList(v.Field(i), path+"."+f.Name); p != "" {
					return p
				}
			}
		}
	}
	return ""
}
