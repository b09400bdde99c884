package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tongbao"
	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// cmdGenDemo writes a synthetic demo site (internal/demo) into an empty
// folder, taking units, indicators, settings and layouts from the sample
// site built into the binary, or from the site in -s. It needs no site
// around it: it works from any folder.
func cmdGenDemo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen-demo", flag.ContinueOnError)
	src := fs.String("s", "", "取其单位、指标、设置和模板的站点目录（默认为内置的示例站点）")
	fs.StringVar(src, "source", "", "取其单位、指标、设置和模板的站点目录")
	years := fs.Int("years", 5, "生成的年数（每年12个月）")
	seed := fs.Int64("seed", 1, "随机数种子（相同种子生成完全相同的文件）")
	rest, ok := parse(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "tongbao gen-demo: 需要且只需要一个目标目录，如：tongbao gen-demo demo --years 5")
		return 2
	}
	if *years < 1 {
		fmt.Fprintf(stderr, "tongbao gen-demo: --years 应为正整数，而不是 %d\n", *years)
		return 2
	}
	dir := rest[0]
	sample, err := loadSample(*src)
	if err != nil {
		return report(stderr, err)
	}
	if err := demo.Write(dir, sample, *years, *seed); err != nil {
		if errors.Is(err, demo.ErrNotEmpty) {
			fmt.Fprintf(stderr, "tongbao gen-demo: 目录“%s”不为空，请指定一个不存在或空的目录\n", dir)
			return 1
		}
		fmt.Fprintln(stderr, "tongbao gen-demo:", err)
		return 1
	}
	months := demo.Months(*years)
	fmt.Fprintf(stdout, "tongbao: 已在 %s 生成演示站点：%s 至 %s，共 %d 个月，每月一期通报，另有季度和年度通报（演示数据）\n",
		filepath.Clean(dir), months[0], months[len(months)-1], len(months))
	return 0
}

// loadSample loads the site in dir, or the sample built into the binary
// when dir is "". The loader reads a folder, so the built-in sample is
// copied into a temporary one first.
func loadSample(dir string) (*site.Site, error) {
	if dir != "" {
		return site.Load(dir)
	}
	tmp, err := os.MkdirTemp("", "tongbao-sample-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, tongbao.Sample); err != nil {
		return nil, err
	}
	return site.Load(tmp)
}
