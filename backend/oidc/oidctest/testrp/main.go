// Command testrp is the test relying party (package oidctest) as a program,
// for the Playwright specs: testrp --issuer URL --client-id ID --secret S.
// It listens on --addr (default 127.0.0.1:0) and prints "relying party on http://…".
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"

	"wecom-bridge/backend/oidc/oidctest"
)

func main() {
	issuer := flag.String("issuer", "", "the provider's issuer")
	id := flag.String("client-id", "", "client id")
	secret := flag.String("secret", "", "client secret")
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	base := "http://" + ln.Addr().String()
	rp := &oidctest.RP{Issuer: *issuer, ClientID: *id, Secret: *secret, BaseURL: base}
	fmt.Printf("relying party on %s\n", base)
	fmt.Fprintln(os.Stderr, http.Serve(ln, rp))
}
