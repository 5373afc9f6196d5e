// Package pool lives in a directory whose last element has a dot, so Go prints its import path
// escaped: example.com/leaky/v2/pool%2ev3.
package pool

// Gen is a generic function that blocks: text formats print it Gen[...], protobuf (Go 1.21+)
// Gen[go.shape.int].
func Gen[T any](ch chan T) T {
	return <-ch
}

// Box is a generic type with a blocking method.
type Box[T any] struct{ ch chan T }

// NewBox makes a Box.
func NewBox[T any]() *Box[T] { return &Box[T]{ch: make(chan T)} }

// Hold blocks until something is sent.
func (b *Box[T]) Hold() T { return <-b.ch }

// Val is a value receiver with a struct, a channel, an array and a float argument.
type Val struct{ a, b int }

// Wait blocks on ch.
//
//go:noinline
func (v Val) Wait(ch chan int, arr [3]int, f float64) int {
	return <-ch + arr[0] + v.a + int(f)
}

// New starts nothing; it exists so that a frame of this package can be seen in created-by lines.
func New(start func()) { go start() }
