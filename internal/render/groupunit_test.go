package render

import (
	"strings"
	"testing"
)

// TestGroupUnitWord: a [[group]] that writes unit = "县（市）" names its
// units so wherever a sentence counts them — the ranking sentence of an
// indicator some of them take part in, the unit page's note on its
// ranks, an indicator page's count — where the site's [terms] unit,
// 县（市、区）, named a group of counties and cities as if it held
// districts. A count of its counties alone still says 县 (docs/rules.md
// 排名句), and a group without the key speaks as before. By hand: the
// month's 县（市）组 ranks 甲县 90, 丙市 85, 乙县 80 in x (丁县 不涉及),
// 甲县 90, 乙县 80, 丁县 70 in y; 市辖区组 ranks 戊区 70, 己区 60 in x
// (庚区 不涉及).
func TestGroupUnitWord(t *testing.T) {
	f := map[string]string{
		"config.toml": "title = \"某市通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"某市人民政府办公室\"\n" +
			"[terms]\nunit = \"县（市、区）\"\nscope = \"全市\"\n",
		"data/units.toml": "[[group]]\nname = \"县（市）组\"\nunit = \"县（市）\"\n[[group]]\nname = \"市辖区组\"\n" +
			township("甲县", "jia", "县（市）组") + township("乙县", "yi", "县（市）组") + township("丙市", "bing", "县（市）组") + township("丁县", "ding", "县（市）组") +
			township("戊区", "wu", "市辖区组") + township("己区", "ji", "市辖区组") + township("庚区", "geng", "市辖区组") +
			"[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n",
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标甲\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = \"all\"\n" +
			"[[indicator]]\nid = \"y\"\nname = \"指标乙\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = [\"甲县\", \"乙县\", \"丁县\"]\n" +
			"[[indicator]]\nid = \"z\"\nname = \"指标丙\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = [\"甲县\", \"丙市\"]\n",
		"data/2024-01.toml": "[[result]]\nindicator = \"x\"\nnotApplicable = [\"丁县\", \"庚区\"]\n[result.townships]\n\"甲县\" = 90\n\"乙县\" = 80\n\"丙市\" = 85\n\"戊区\" = 70\n\"己区\" = 60\n" +
			"[[result]]\nindicator = \"y\"\n[result.townships]\n\"甲县\" = 90\n\"乙县\" = 80\n\"丁县\" = 70\n" +
			"[[result]]\nindicator = \"z\"\n[result.townships]\n\"甲县\" = 90\n\"丙市\" = 80\n",
		"content/circulars/2024-01.md": "+++\nnumber = \"某政办函〔2024〕1号\"\ntitle = \"关于2024年1月的通报\"\ndate = 2024-02-10\ndata = \"2024-01\"\n+++\n{{< indicators \"重点工作\" >}}\n",
	}
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, wants := range map[string][]string{
		"circulars/2024/1/index.html": {
			"县（市）组涉及该项工作共3个县（市），其中",
			"县（市）组涉及该项工作共3个县，其中", // y: counties alone
			"市辖区组涉及该项工作共2个区，其中",  // no unit key: as before
		},
		"units/jia/index.html":    {"在县（市）组参与该项排名的县（市）中的名次"},
		"indicators/z/index.html": {"共2个县（市）参与"},
	} {
		html := string(files[page])
		for _, want := range wants {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
	}
}

// township is a [[township]] of group g.
func township(name, slug, g string) string {
	return "[[township]]\nname = \"" + name + "\"\nslug = \"" + slug + "\"\ngroup = \"" + g + "\"\n"
}
