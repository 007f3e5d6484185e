package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// tabWatch records, from the moment it is attached, what went wrong in a
// tab that a reader should never meet: uncaught exceptions, console
// errors, errors of the browser log (Content-Security-Policy violations
// among them) and dialogs, which it dismisses so that the page goes on.
type tabWatch struct {
	mu       sync.Mutex
	problems []string
	expected map[string]bool // URLs whose 404 the test expects
}

// watchTab attaches a watch to a tab. Events arrive in order, before the
// reply to any later command, so a check after an action sees everything
// the action caused.
func watchTab(t *testing.T, ctx context.Context) *tabWatch {
	t.Helper()
	w := &tabWatch{expected: map[string]bool{}}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			w.add("uncaught exception: " + exceptionText(ev.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				w.add("console." + string(ev.Type) + ": " + argsText(ev.Args))
			}
		case *log.EventEntryAdded:
			w.logEntry(ev.Entry)
		case *page.EventJavascriptDialogOpening:
			w.add(fmt.Sprintf("%s dialog: %q", ev.Type, ev.Message))
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// expect404 marks a URL whose 404 status is the point of the test (an
// unknown route still gets a page); the browser logs it as an error.
func (w *tabWatch) expect404(url string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.expected[url] = true
}

// logEntry keeps errors and security messages of the browser log.
func (w *tabWatch) logEntry(e *log.Entry) {
	if e.Level != log.EntryLevelError && e.Source != log.EntrySourceSecurity {
		return
	}
	w.mu.Lock()
	expected := e.Source == log.EntrySourceNetwork && w.expected[e.URL] && strings.Contains(e.Text, "404")
	w.mu.Unlock()
	if !expected {
		w.add(fmt.Sprintf("browser log (%s): %s %s", e.Source, e.Text, e.URL))
	}
}

func (w *tabWatch) add(problem string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, problem)
}

// check fails the test with every problem seen so far. The evaluation
// first makes sure that every event sent before it has been seen.
func (w *tabWatch) check(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `true`)
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Error(p)
	}
}

// seen returns the problems seen so far.
func (w *tabWatch) seen(t *testing.T, ctx context.Context) []string {
	t.Helper()
	eval[bool](t, ctx, `true`)
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.problems...)
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Description
		if len(a.Value) > 0 {
			parts[i] = string(a.Value)
		}
	}
	return strings.Join(parts, " ")
}
