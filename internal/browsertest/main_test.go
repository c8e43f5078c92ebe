package browsertest

import (
	"net/http/httptest"
	"os"
	"sync"
	"testing"
)

var (
	siteOnce   sync.Once
	siteErr    error
	siteDir    string // temporary folder holding the built site
	siteServer *httptest.Server
)

func TestMain(m *testing.M) {
	code := m.Run()
	if siteServer != nil {
		siteServer.Close()
	}
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}
