// Package crashtest holds end-to-end tests that run the real wecom-bridge
// binary as separate processes and kill it with SIGKILL at random points, to
// prove that a journaled sync resumes to exactly the expected WeCom state.
package crashtest
