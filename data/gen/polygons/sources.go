package main

// Source is one entry of a feature's sources list.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// sources returns the sources the polygon layers cite, keyed by a short name. Titles and URLs are copied from
// the project's sourced fact sheet.
func sources() map[string]Source {
	return map[string]Source{
		// Zones.
		"eccc-002":       {"ECCC Case 002 Closing Order ¶58–60, reproduced by Sophan Seng", "https://www.sophanseng.info/2011/05/26/"},
		"dk-textbook":    {"DK Ministry of Education textbook: provinces, zones, regions and districts (Yale Genocide Studies Program)", "http://gsp.yale.edu/dk-provinces-zones-regions-and-districts"},
		"chain-command":  {"Chain of command (docslib)", "https://docslib.org/doc/3038606/chain-of-command"},
		"kampot-sw":      {"Kampot on the Edge: the Southwest Zone", "https://kampot-ontheedge.org/jp/index.php/historical-overview/menu-krinpower/menu-overkrt/21-southwestzone1"},
		"khmernews":      {"Khmer Rouge divided Cambodian territory (khmernews blog)", "https://khmernews.wordpress.com/2006/11/08/khmer-rough-divided-cambodian-territory-7-region-kratie-the-main-region/"},
		"becker-36":      {"E. Becker, When the War Was Over (book mirror, p. 36)", "https://100-vampirenovels.net/pdf-novels/when-the-war-was-over-by-elizabeth-becker-free/36-page"},
		"tbong-khmum":    {"Cambodia Daily: new province Tbong Khmum officially launched", "https://english.cambodiadaily.com/news/new-province-tbong-khmum-officially-launched-60322/"},
		"cd-northwest":   {"Cambodia Daily: messenger tells tribunal of purge in the Northwest", "https://english.cambodiadaily.com/news/messenger-tells-tribunal-purge-northwest-121624/"},
		"short-book":     {"P. Short, Pol Pot (unofficial book copy)", "https://bookreadfree.com/487999/11986445.amp"},
		"kampot-chet":    {"Kampot on the Edge: Chou Chet", "https://kampot-ontheedge.org/jp/index.php/historical-overview/menu-rise-kr/menusigfig/34-chet"},
		"chet-bio":       {"Chou Chet biography (Russian-language wiki mirror)", "https://perceptiofr.com/%D0%A7%D1%83_%D0%A7%D0%B5%D1%82"},
		"guardian-pauk":  {"The Guardian: Ke Pauk obituary (21 Feb 2002)", "https://www.theguardian.com/news/2002/feb/21/guardianobituaries1"},
		"ppp-pauk":       {"Phnom Penh Post: Ke Pauk, faithful and brutal", "https://www.phnompenhpost.com/national/ke-pauk-faithful-brutal"},
		"zxc-pauk":       {"Ke Pauk (zxc.wiki)", "https://de.zxc.wiki/wiki/Ke_Pauk"},
		"ppp-ya":         {"Phnom Penh Post: anatomy of an interrogation, Comrade Ya at S-21", "https://phnompenhpost.com/national/anatomy-interrogation-torture-comrade-ya-s-21"},
		"ppp-mondulkiri": {"Phnom Penh Post: witness recounts Khmer Rouge purge of 1978", "http://www.phnompenhpost.com/national/witness-recounts-khmer-rouge-purge-1978"},
		"gargiulo":       {"C. Gargiulo, 'January 7, 1979: Liberation, Invasion, or Turning Point in Cambodia's Modern History?' (CambodgeMag)", "https://www.cambodgemag.com/en/post/january-7-1979-liberation-invasion-or-turning-point-in-cambodia-s-modern-history"},
		"cd-purges":      {"Cambodia Daily: son of deputy zone leader tells tribunal of purges", "https://english.cambodiadaily.com/news/son-of-deputy-zone-leader-tells-khmer-rouge-tribunal-of-purges-114846/?amp=1"},
		"ppp-purges":     {"Phnom Penh Post: cadre's son tells of East Zone purges", "https://www.phnompenhpost.com/national/cadres-son-tells-east-zone-purges"},
		"wiki-sophim":    {"So Phim (Wikipedia)", "https://en.wikipedia.org/wiki/So_Phim"},
		"cd-ambush":      {"Cambodia Daily: tribunal hears of ambush, commander's suicide", "https://english.cambodiadaily.com/news/khmer-rouge-tribunal-hears-ambush-commanders-suicide-121535/?amp=1"},
		"becker-62":      {"E. Becker, When the War Was Over (book mirror, ch. 62)", "https://full-english-books.net/english-books/full-book-when-the-war-was-over-read-online-chapter-62"},
		"wiki-eastzone":  {"Eastern Zone massacres (Wikipedia)", "https://en.wikipedia.org/wiki/Eastern_Zone_massacres"},
		"photoriente":    {"Photoriente: cycling Saigon to Phnom Penh (East Zone history)", "https://www.photoriente.com/cycling-saigon-to-phnom-penh"},
		"strangio-60":    {"S. Strangio, Hun Sen's Cambodia (excerpt, p. 60)", "http://what-when-how.com/Tutorial/topic-955kgfm/Hun-Sens-Cambodia-60.html"},

		// Invasion.
		"chanda-29":      {"N. Chanda, Brother Enemy (excerpt, KI-Media, 29 Jul 2011)", "http://ki-media.blogspot.com/2011/07/historical-context-for-vietnamization_29.html"},
		"chanda-31":      {"N. Chanda, Brother Enemy (excerpt, KI-Media, 31 Jul 2011)", "http://ki-media.blogspot.com/2011/07/historical-context-for-vietnamization_31.html"},
		"kufns-wiki":     {"Kampuchean United Front for National Salvation (Wikipedia, via mirror)", "http://a.dukovany.cz/index.php?q=aHR0cHM6Ly9Fbi53aWtpcGVkaWEub3JnL3dpa2kvS2FtcHVjaGVhbl9Vbml0ZWRfRnJvbnRfZm9yX05hdGlvbmFsX1NhbHZhdGlvbg%3D%3D"},
		"av1-cvw":        {"Cambodian–Vietnamese War (Wikipedia mirror, 2025)", "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Cambodian-Vietnamese_War"},
		"wiki-cvw":       {"Cambodian–Vietnamese War (Wikipedia)", "https://en.wikipedia.org/wiki/Cambodian%E2%80%93Vietnamese_War"},
		"vannghesontay":  {"40 năm trước ngày 7-1-1979: quân ta tiến vào Phnom Penh (vannghesontay.com)", "https://vannghesontay.com/en/news/savefile/Nhan-vat-Su-kien/40-NAM-TRUOC-NGAY-7-THANG-1-NAM-1979-QUAN-TA-TIEN-VAO-PHNOM-PENH-2728/"},
		"loc-study":      {"US Library of Congress country study, via khmersdach blog", "https://khmersdach.blogspot.com/2019/10/vietnamese-invasion-of-cambodia.html"},
		"short":          {"P. Short, Pol Pot, via Wikipedia 'Pol Pot' (christianpedia mirror)", "http://christianpedia.com/index.php?action=edit&section=24&title=Pol_Pot"},
		"memoires-jan79": {"Mémoires d'Indochine: chronologie, janvier 1979", "https://memoiresindochine.fr/index.php?diff=2400&oldid=1021&title=Janvier_1979"},
		"div10-memoir":   {"Sư đoàn 10 trong chiến dịch giải phóng (veteran's memoir)", "https://www.nguyendinhthisu10.com/2023/04/su-oan-10-trong-chien-dich-giai-phong_75.html"},
		"div10-crossing": {"Trận đánh vượt sông Mê Kông ở thị xã Kông Pông Chàm (veteran's memoir)", "https://www.nguyendinhthisu10.com/2023/04/tran-anh-vuot-song-me-kong-o-thi-xa.html"},
		"lichsuvn":       {"Ngày 7-1-1979: Quân đội nhân dân Việt Nam tiến vào Phnôm Pênh (lichsuvn.net)", "https://lichsuvn.net/trang-chu/quan-su/ngay-7-1-1979-quan-doi-nhan-dan-viet-nam-tien-vao-phnompenh/"},
		"thoidai":        {"Thời Đại: tiến công thần tốc giải phóng Phnom Penh", "https://thoidai.com.vn/tien-cong-trong-hanh-tien-than-toc-giai-phong-phnom-penh-khmer-do-khong-kip-tro-tay-35259.html"},
		"ki-veteran":     {"KI-Media: Vietnamese veteran remembers Cambodia (Jan 2009)", "https://ki-media.blogspot.com/2009/01/vietnamese-veteran-remembers-cambodia-s.html"},
		"vtc":            {"VTC: ngày này năm 1979, tổng tấn công", "https://vtc.vn/ngay-nay-nam-1979-tong-tan-cong-be-lu-pon-pot-ar140876.html"},
		"strangio-58":    {"S. Strangio, Hun Sen's Cambodia (excerpt, p. 58)", "http://what-when-how.com/Tutorial/topic-955kgfm/Hun-Sens-Cambodia-58.html"},
		"vnnews-talon":   {"Viet Nam News: Ta Lon landing-by-sea campaign", "https://vietnamnews.vn/politics-laws/482830/ta-lon-landing-by-sea-campaign-%e2%80%93-milestone-in-victory-over-pol-pot-regime.html"},
		"vnplus-talon":   {"VietnamPlus: la Marine commémore le 40e anniversaire du débarquement de Ta Lon", "https://fr.vietnamplus.vn/la-marine-commemore-le-40e-anniversaire-du-debarquement-de-ta-lon/115276.vnp"},
		"time-790122":    {"TIME, 22 January 1979 (archive mirror)", "http://610211.6jhxt.group/txt/time/Time1979/1979-01-22/920042.html"},
		"time-790129":    {"TIME, 29 January 1979 (archive mirror)", "http://softbeam.net/txt/time/Time1979/1979-01-29/912321.html"},
		"ricorant":       {"New York Times, 7 January 1979 (quoted on ricorant blog)", "http://ricorant.blogspot.com/2009/01/ancient-history.html"},
		"facts-on-file":  {"Facts on File, 12 January 1979 (docsbay copy)", "https://docsbay.net/cambodian-rebel-vietnamese-force-captures-pnompenh-invaders-near-thai-border-rebels-form"},
		"elpais":         {"El País, 16 January 1979", "https://elpais.com/diario/1979/01/16/internacional/285289204_850215.html?outputType=amp"},
		"krh-729":        {"khmerrougehistory.com: Sihanouk in Tokyo", "https://khmerrougehistory.com/?p=729"},
		"nvsk":           {"VNA: giữ vững chủ quyền biên giới Tây Nam (official claim)", "https://nvsk.vnanet.vn/giu-vung-chu-quyen-bien-gioi-tay-nam-1-32239.vna"},
		"vngazette":      {"Vietnam News Gazette: mission of Vietnamese volunteer soldiers in Cambodia", "https://www.vietnamnewsgazette.com/mission-of-vietnamese-volunteer-soldiers-in-cambodia-were-not-only-to-fight-pol-pot-forces-but-also-to-save-locals/"},
		"pribbenow":      {"M. Pribbenow, 'A Tale of Five Generals: Vietnam's Invasion of Cambodia', J. Military History 70 (2006)", "https://www.proquest.com/scholarly-journals/tale-five-generals-vietnams-invasion-cambodia/docview/195635298/se-2"},

		// 1979–1980 border.
		"wikisum-crisis":    {"Cambodian humanitarian crisis (wikisum)", "https://wikisum.wiki/wiki/Cambodian_humanitarian_crisis"},
		"hubbry-k5":         {"K5 Plan (hubbry)", "https://www.hubbry.com/K5_Plan"},
		"time-791210":       {"TIME, 10 December 1979 (archive mirror)", "http://487790.bceovw70.asia/txt/time/Time1979/1979-12-10/912555.html"},
		"open-door":         {"Columbia University, Forced Migration: the open door", "http://forcedmigration.ccnmtl.columbia.edu/9-open-door"},
		"paperspast-790423": {"The Press (Christchurch), 23 April 1979, NZPA-Reuter (Papers Past)", "https://dynamic-rsnz.natlib.govt.nz/newspapers/CHP19790423.2.96"},
		"dangrek":           {"Dangrek Incident (Wikipedia)", "https://en.wikipedia.org/wiki/Dangrek_Incident"},
		"mak-mun":           {"C. Grafton: Nong Mak Mun", "https://colingrafton.wixsite.com/phnompenh1973/nong-mak-mun"},
		"khmerrouge-malai":  {"khmerrouge.com: Phnom Malai and the Khmer Rouge", "https://www.khmerrouge.com/phnom-malai-and-the-khmer-rouge/"},
	}
}
