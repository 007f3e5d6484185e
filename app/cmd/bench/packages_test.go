package main

import (
	"reflect"
	"testing"
)

// objdump is `wasm-objdump --details --section=Code` output, trimmed.
const objdump = ` - func[20] size=4 <go_buildid>
 - func[21] size=48 <internal_abi.NoEscape>
 - func[22] size=100 <gztargets_app_ui.__chartView_.Render>
 - func[23] size=50 <gztargets_app_ui.init>
 - func[24] size=30 <gztargets_app.main>
 - func[25] size=7 <type:.eq.main.T>
`

func TestWeighPackages(t *testing.T) {
	got := weighPackages(objdump, []string{"gztargets/app", "gztargets/app/ui", "internal/abi"})
	want := []weight{
		{"gztargets/app/ui", 2, 150},
		{"internal/abi", 1, 48},
		{"gztargets/app", 1, 30},
		{linkerGenerated, 2, 11},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weighPackages = %v, want %v", got, want)
	}
}
