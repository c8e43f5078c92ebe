package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestRealContent runs loa check on the real site in content/: no errors.
// Warnings (directory entries past their review date) are allowed, and
// listed in the test log.
func TestRealContent(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"check", "--source", "../.."}, &stdout, &stderr)
	if code != 0 || strings.Contains(stderr.String(), ": error: ") {
		t.Fatalf("loa check on content/: exit %d\n%s", code, stderr.String())
	}
	// Files loa reads itself (site.yaml, search.yaml, i18n/) are not
	// attachments left unlinked.
	if strings.Contains(stderr.String(), "no page links to this file") {
		t.Errorf("loa check on content/ reports a file it reads itself as unlinked:\n%s", stderr.String())
	}
	t.Log(stderr.String())
}
