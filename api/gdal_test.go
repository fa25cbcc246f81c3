package api_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/api"
)

// runOgrinfo runs GDAL's ogrinfo with args and returns its output and
// its errors (with CPL_DEBUG's log when env asks for it); it skips the
// test when GDAL is not installed, and fails it then under CI.
func runOgrinfo(t *testing.T, env []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	bin, err := exec.LookPath("ogrinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ogrinfo not found: install gdal-bin (scripts/test.sh does as root)")
		}
		t.Skip("ogrinfo not found: apt-get install gdal-bin")
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(context.Background(), bin, args...)
	cmd.Env = append(append(os.Environ(), "GDAL_HTTP_TIMEOUT=20"), env...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// ogrinfo is runOgrinfo that fails the test when ogrinfo fails.
func ogrinfo(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, err := runOgrinfo(t, nil, args...)
	if err != nil {
		t.Fatalf("ogrinfo %s: %v\n%s%s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// gdalVersion returns GDAL's major and minor version.
func gdalVersion(t *testing.T) (int, int) {
	out := ogrinfo(t, "--version")
	m := regexp.MustCompile(`GDAL (\d+)\.(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("ogrinfo --version: %q", out)
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return major, minor
}

// TestGDALReadsTiles reads the tiles as GIS users do: one tile of the
// OGC path through GDAL's MVT driver, with datetime; and the collection
// through the OGCAPI driver, which walks collection → tilesets → tileset
// → tile matrix set → tiles.
func TestGDALReadsTiles(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	tile := maptile.At(orb.Point{105.6, 11.15}, 7)
	x, y := strconv.Itoa(int(tile.X)), strconv.Itoa(int(tile.Y))
	url := srv.URL + "/collections/flows/tiles/WebMercatorQuad/7/" + y + "/" + x + "?datetime=1979-01-05T17:00:00Z"
	// The MVT driver takes the tile's place from options when the URL
	// does not end in z/x/y.mvt.
	out := ogrinfo(t, "-ro", "-al", "-q", "-oo", "Z=7", "-oo", "X="+x, "-oo", "Y="+y, "MVT:/vsicurl/"+url)
	for _, want := range []string{"Layer name: flows", "id (String) = walk-1", "people (Real) = 2000", "LINESTRING ("} {
		if !strings.Contains(out, want) {
			t.Errorf("MVT: no %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "OGRFeature(") != 1 {
		t.Errorf("MVT: want one feature:\n%s", out)
	}

	coll := "OGCAPI:" + srv.URL + "/collections/flows"
	if major, minor := gdalVersion(t); major < 3 || major == 3 && minor < 7 {
		// GDAL 3.6 (Debian 12) is built without the OGCAPI driver's
		// vector tiles (it opens no layer and says nothing): the code is
		// under #ifdef OGR_ENABLE_DRIVER_GML, which its CMake set only
		// after the driver was configured (fixed by GDAL pull request
		// 7993, June 2023, backported to 3.7). Check that it
		// walks to the tile matrix set and reads it without complaint,
		// and that the collection still opens as features.
		_, log, _ := runOgrinfo(t, []string{"CPL_DEBUG=ON"}, "-ro", "-so", "-oo", "API=TILES", coll)
		for _, want := range []string{"/collections/flows/tiles)", "/collections/flows/tiles/WebMercatorQuad)", "/tileMatrixSets/WebMercatorQuad)"} {
			if !strings.Contains(log, "Fetch("+srv.URL+want) {
				t.Errorf("OGCAPI: GDAL did not fetch %s:\n%s", want, log)
			}
		}
		if strings.Contains(log, "ERROR") {
			t.Errorf("OGCAPI: GDAL reported an error:\n%s", log)
		}
		if out := ogrinfo(t, "-ro", "-so", "-oo", "API=ITEMS", coll); !strings.Contains(out, "flows") {
			t.Errorf("OGCAPI, API=ITEMS: no flows layer in\n%s", out)
		}
		t.Logf("GDAL %d.%d reads no vector tiles through OGCAPI: (built without them); checked the walk to the tile matrix set", major, minor)
		return
	}
	out = ogrinfo(t, "-ro", "-q", coll, "Zoom level 7")
	for _, want := range []string{"id (String) = walk-1", "id (String) = walk-2", "id (String) = west-1"} {
		if !strings.Contains(out, want) {
			t.Errorf("OGCAPI: no %q in\n%s", want, out)
		}
	}
}
