/**
 * AssertJ assertions on goroutine profiles and their growth: {@link
 * io.github.goroutines.assertj.GoroutineAssertions} and {@link
 * io.github.goroutines.assertj.GoroutineSoftAssertions}.
 */
package io.github.goroutines.assertj;
