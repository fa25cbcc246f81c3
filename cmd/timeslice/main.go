// Command timeslice serves time-sliced GeoJSON of a dataset that changes
// through time: a dataset directory (dataset.json and one GeoJSON file
// per layer) or the embedded flagship dataset.
//
// Usage:
//
//	timeslice serve [--data DIR [--watch] | --db postgres://…]   serve the API and the map
//	timeslice validate [DIR | files]                             check a dataset (default: the embedded one)
//	timeslice load --db postgres://… [DIR]                       load a dataset into PostGIS
//
// Run "timeslice <command> -h" for a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	// IANA time zones of dataset manifests must resolve on a kiosk
	// without a zone database.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ee exitError
		if !errors.As(err, &ee) {
			fmt.Fprintln(os.Stderr, "timeslice:", err)
		}
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(exitCode(err))
	}
}

// exitError carries an exit status for an error already reported.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func exitCode(err error) int {
	var ee exitError
	if errors.As(err, &ee) {
		return int(ee)
	}
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `timeslice serves time-sliced GeoJSON (OGC API – Features) of a dataset that changes
through time: a dataset directory (dataset.json and one <layer>.geojson per layer), or the
embedded flagship dataset.

Usage:
  timeslice serve [flags]               serve the API and the map (default http://localhost:8080)
  timeslice serve --data DIR [--watch]  serve a dataset directory; --watch reloads it on edits
  timeslice validate [DIR | files]      check a dataset (default: the embedded dataset)
  timeslice load --db URL [DIR]         load a dataset into PostGIS (default: the embedded dataset)

Run "timeslice <command> -h" for a command's flags.
`

// run dispatches a subcommand.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	switch args[0] {
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "validate":
		return runValidate(ctx, args[1:], stdout, stderr)
	case "load":
		return runLoad(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

// envOr returns the environment variable's value, or def when unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}
