// Command ferretdb starts the embeddable FerretDB v1 on a loopback address, with its SQLite backend
// (a directory of files) or its PostgreSQL backend (a database on a PostgreSQL server we start).
//
// We build our own tiny main instead of `go install .../cmd/ferretdb`, because that command panics at
// start: its build/version/version.txt is generated upstream and is not part of the Go module.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on (keep it on loopback)")
	handler := flag.String("handler", "sqlite", "backend: sqlite or postgresql")
	dir := flag.String("sqlite-dir", ".data/ferretdb", "directory holding the SQLite databases (created if missing)")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL database FerretDB stores into (handler postgresql)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *addr},
		Handler:  *handler,
		Logger:   logger,
	}
	where := ""
	switch *handler {
	case "sqlite":
		abs, err := filepath.Abs(*dir)
		if err != nil {
			fail(err)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			fail(err)
		}
		// The SQLite handler wants a directory URL that ends with a slash.
		config.SQLiteURL = "file:" + abs + "/"
		where = "sqlite in " + abs
	case "postgresql":
		if *pgURL == "" {
			fail(fmt.Errorf("--postgresql-url is required with --handler postgresql"))
		}
		config.PostgreSQLURL = *pgURL
		where = "postgresql"
	default:
		fail(fmt.Errorf("unknown --handler %q: use sqlite or postgresql", *handler))
	}

	f, err := ferretdb.New(&config)
	if err != nil {
		fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "ferretdb listening on %s (%s)\n", *addr, where)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ferretdb:", err)
	os.Exit(1)
}
