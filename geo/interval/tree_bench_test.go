package interval

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkStab measures a stabbing query that reports 1,000 spans as the
// tree grows: the cost should grow with log n, not n.
func BenchmarkStab(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("spans=%d", n), func(b *testing.B) {
			// 1,000 tracks of back-to-back spans: one per track at any x.
			per := int64(n / 1000)
			spans := make([]Span, 0, n)
			r := rand.New(rand.NewPCG(1, 1))
			for t := 0; t < 1000; t++ {
				off := r.Int64N(100)
				for i := int64(0); i < per; i++ {
					spans = append(spans, Span{off + i*100, off + (i+1)*100})
				}
			}
			tree := New(spans)
			x := per * 50
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				k := 0
				tree.Stab(x+int64(i%50), func(int) { k++ })
				if k < 990 {
					b.Fatalf("found %d, want about 1000", k)
				}
			}
		})
	}
}
