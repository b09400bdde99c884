package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"tongbao/internal/build"
	"tongbao/internal/serve"
	"tongbao/internal/site"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var opts build.Options
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	siteFlags(fs, &opts)
	bind := fs.String("bind", "127.0.0.1", "监听地址（默认只允许本机访问；0.0.0.0 向局域网开放）")
	port := fs.Int("port", 1313, "端口（0 为任选一个空闲端口）")
	fs.IntVar(port, "p", 1313, "端口")
	var allow []string
	fs.Func("allow-host", "另外允许以这个主机名访问预览（可重复）；默认只应答监听地址、localhost 和 127.0.0.1", func(name string) error {
		if name == "" || strings.ContainsAny(name, "/:@ \t") {
			return fmt.Errorf("主机名“%s”无效（只写名字，不带端口和 http://）", name)
		}
		allow = append(allow, name)
		return nil
	})
	if rest, ok := parse(fs, args, stderr); !ok || len(rest) > 0 {
		return usageError(stderr, "serve", rest)
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "tongbao serve: 端口 %d 无效\n", *port)
		return 2
	}
	// Ctrl-C (SIGINT) or SIGTERM cancels ctx, which shuts the server down
	// cleanly; a second Ctrl-C kills the process as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the signals are the system's again: a second Ctrl-C ends the process
	}()
	// The preview warns of a page the last build in public/ published that
	// an edit takes away (a 文号 corrected), while it is being made.
	published := build.NewPublished(build.Dest(build.Options{Source: opts.Source})).Since
	return serveUntil(ctx, serve.Options{Source: opts.Source, AllowHosts: allow, Published: published}, net.JoinHostPort(*bind, strconv.Itoa(*port)), stdout, stderr)
}

// serveUntil runs the preview server on addr until ctx is cancelled.
func serveUntil(ctx context.Context, opts serve.Options, addr string, stdout, stderr io.Writer) int {
	source := opts.Source
	if fi, err := os.Stat(source); err != nil || !fi.IsDir() {
		if err == nil {
			fmt.Fprintf(stderr, "tongbao serve: “%s”是一个文件，不是站点目录：-s 应指定站点的目录（其中有 config.toml）\n", source)
		} else {
			fmt.Fprintf(stderr, "tongbao serve: 站点目录“%s”不存在\n", source)
		}
		return 1
	}
	// Started in a folder of the site (data/, where the file being
	// edited is): no save there would make it one, and the preview
	// would hold the port that the right folder's needs.
	if _, err := os.Stat(filepath.Join(source, "config.toml")); err != nil {
		if abs, err := filepath.Abs(source); err == nil {
			if dir := site.EnclosingSite(abs); dir != "" {
				fmt.Fprintf(stderr, "tongbao serve: %s 不是 tongbao 站点的目录（站点目录中有 config.toml）；站点目录似乎是 %s：在那里运行，或用 -s %s 指定\n", abs, dir, dir)
				return 1
			}
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "tongbao serve: 无法在 %s 上监听：%v（可用 --port 换一个端口）\n", addr, err)
		return 1
	}
	opts.Log, opts.ErrLog = stdout, stderr
	s := serve.New(opts)
	if err := s.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "tongbao serve:", err)
		return 1
	}
	fmt.Fprintln(stdout, "tongbao: 预览已停止")
	return 0
}
