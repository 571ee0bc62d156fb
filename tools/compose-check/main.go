// compose-check parses and validates docker-compose.yml with compose-go, the library behind
// `docker compose config`, for machines that have no Docker engine or compose plugin.
// Usage: compose-check <file> [KEY=VALUE ...]  (the values stand in for variables from .env)
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check <docker-compose.yml> [KEY=VALUE ...]")
		os.Exit(2)
	}
	env := []string{}
	for _, pair := range os.Args[2:] {
		if strings.Contains(pair, "=") {
			env = append(env, pair)
		}
	}
	options, err := cli.NewProjectOptions(
		[]string{os.Args[1]},
		cli.WithEnv(env),
		cli.WithName("roundtable"),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("valid: project %s with services %s\n", project.Name, strings.Join(project.ServiceNames(), ", "))
}
