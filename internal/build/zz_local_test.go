package build

import (
	"os"
	"runtime"
	"testing"
)

// (local, not committed) go test -run XXX -bench ReadCacheLocal
func BenchmarkReadCacheLocal(b *testing.B) {
	out := os.Getenv("LOA_LOCAL_OUT")
	if out == "" {
		b.Skip()
	}
	bd := &builder{out: out}
	bd.opts.Workers = runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	for b.Loop() {
		st, d := bd.readCache()
		if st == nil || d != nil {
			b.Fatal(d)
		}
	}
}

func BenchmarkOutputChangedLocal(b *testing.B) {
	out := os.Getenv("LOA_LOCAL_OUT")
	if out == "" {
		b.Skip()
	}
	bd := &builder{out: out}
	bd.opts.Workers = runtime.GOMAXPROCS(0)
	st, _ := bd.readCache()
	b.ReportAllocs()
	for b.Loop() {
		if c := bd.outputChanged(st); c != "" {
			b.Fatal(c)
		}
	}
}
