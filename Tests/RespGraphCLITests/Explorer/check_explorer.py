"""Opens respgraph's explorer in headless Chromium (Selenium + chromium-driver) as a user would and
checks what it shows against respgraph's own answers.

    python3 check_explorer.py RESPGRAPH EXPLORER.html [--screenshots DIR] [--hostile]

Exit status 0 when every check holds; otherwise the failed checks are printed. Prints the time from
navigation start to the page being interactive (the `data-ready` mark) in milliseconds.
"""
import json
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

respgraph, page = sys.argv[1], sys.argv[2]
shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
hostile = "--hostile" in sys.argv
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def cli(*args):
    out = subprocess.run([respgraph, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


options = Options()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
             "--lang=zh-CN", "--disable-extensions"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def go(hash_):
    driver.execute_script("location.hash = arguments[0]", hash_)
    time.sleep(0.15)


def shot(name):
    if shots:
        driver.save_screenshot(f"{shots}/{name}.png")


def cells(table_id):
    rows = driver.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr")
    return [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows]


try:
    driver.get("file://" + page)
    ready = driver.execute_script("return Number(document.body.getAttribute('data-ready'))")
    print(f"interactive after {ready} ms")
    check(ready and ready < 1000, f"interactive within 1 s (was {ready} ms)")

    # The page opens on the overview: documents, the heaviest agencies, the network, the checks, the
    # tasks to review, as respgraph gives them; search is one keystroke (/) away.
    check(driver.find_elements(By.ID, "overview-documents"), "the page opens on the overview")
    if not hostile:
        summary = cli("summary", "--format", "json")
        page_docs = [(r[0], int(r[2])) for r in cells("overview-documents")]
        cli_docs = [(d["id"], d["table_tasks"] + d["work_points"]) for d in summary["documents"]]
        check(page_docs == cli_docs, f"overview documents as respgraph summary: {page_docs} vs {cli_docs}")
        heaviest = [(r[0], int(r[1]), int(r[2])) for r in cells("overview-heaviest")]
        workload = [(a["agency"], a["lead"], a["support"]) for a in cli("workload", "--top", "10", "--format", "json")["agencies"]]
        check(heaviest == workload, f"overview heaviest agencies as respgraph workload: {heaviest[:2]} vs {workload[:2]}")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#overview-network circle")) == 30, "overview network picture drawn")
        check(len(cells("overview-checks")) == 0 and len(driver.find_elements(By.CSS_SELECTOR, "#overview-checks tr")) == 5, "overview checks listed")
        check(driver.find_elements(By.ID, "overview-review"), "overview says what to review")
        shot("overview")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    time.sleep(0.2)
    check(driver.execute_script("return location.hash") == "#search", "/ opens the search")
    check(driver.execute_script("return document.activeElement.id") == "search-box", "/ puts the cursor in the search box")

    if hostile:
        # Hostile names are shown as text: nothing from the data ran, nothing became markup.
        check(driver.execute_script("return window.__pwned === undefined"), "no script from the data ran")
        box = driver.find_element(By.ID, "search-box")
        box.send_keys("script")
        time.sleep(0.2)
        shown = driver.find_element(By.ID, "search-results").text
        check('<script>window.__pwned=1</script>' in shown, f"the hostile name shows as written: {shown!r}")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#search-results script, #search-results img")) == 0, "no element made from a name")
        go("#tasks")
        text = driver.find_element(By.ID, "task-table").text
        check('<img src=x onerror=window.__pwned=2>' in text and '"quotes" & ampersands' in text, f"hostile task text as written: {text[:300]!r}")
        check('😀' in text, "emoji shown")
        for view in ["#matrix", "#workload", "#network", "#plan"]:
            go(view)
        check(driver.execute_script("return window.__pwned === undefined"), "no script from the data ran in any view")
    else:
        # Search 数据局, open the agency, compare with `respgraph agency`.
        Select(driver.find_element(By.ID, "scope")).select_by_value("2024")
        time.sleep(0.1)
        box = driver.find_element(By.ID, "search-box")
        box.send_keys("数据局")
        time.sleep(0.2)
        results = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        check(any(r.text == "自治区数据局" for r in results), f"search finds 自治区数据局: {[r.text for r in results]}")
        shot("search")
        next(r for r in results if r.text == "自治区数据局").click()
        time.sleep(0.2)
        agency = cli("agency", "数据局", "--doc", "2024", "--format", "json")
        check(driver.find_element(By.ID, "agency-name").text.startswith("自治区数据局"), "agency page opened")
        check(int(driver.find_element(By.ID, "led-count").text) == agency["tasks_led"], "tasks led as respgraph agency")
        check(int(driver.find_element(By.ID, "supported-count").text) == agency["tasks_supported"], "tasks supported as respgraph agency")
        check(int(driver.find_element(By.ID, "partner-count").text) == agency["partner_count"], "partners as respgraph agency")
        page_partners = [(r[0], int(r[2]), int(r[3]), int(r[4])) for r in cells("partners")]
        cli_partners = [(p["agency"], p["shared_tasks"], p["partner_leads"], p["agency_leads"]) for p in agency["partners"]]
        check(page_partners == cli_partners, f"partner table as respgraph agency: {page_partners[:3]} vs {cli_partners[:3]}")
        led_keys = [r[0] for r in cells("led")]
        check(led_keys == [t["task"] for t in agency["tasks"] if t["role"] == "lead"], "led tasks as respgraph agency")
        shot("agency")

        # Filter the task table to 获得信贷.
        go("#tasks")
        Select(driver.find_element(By.ID, "filter-indicator")).select_by_visible_text("获得信贷")
        time.sleep(0.2)
        count = driver.find_element(By.ID, "task-count").text
        rows = cells("task-table")
        plan_ref = cli("plan", "--doc", "2024", "--indicator", "获得信贷", "--format", "json")
        check(int(count.split()[0]) == plan_ref["tasks"], f"获得信贷 tasks: {count} vs {plan_ref['tasks']}")
        check(all(r[2] == "获得信贷" for r in rows), "every row is 获得信贷")
        shot("tasks")

        # Workload as respgraph workload.
        go("#workload")
        work = cli("workload", "--doc", "2024", "--format", "json")
        check(driver.find_element(By.ID, "gini").text == f"{work['inequality']['gini']:.3f}", "Gini as respgraph workload")
        page_rows = [(r[1].rstrip(" ★"), int(r[3]), int(r[4])) for r in cells("workload-table")]
        cli_rows = [(a["agency"], a["lead"], a["support"]) for a in work["agencies"]]
        check(page_rows == cli_rows, f"workload rows as respgraph workload: {page_rows[:3]} vs {cli_rows[:3]}")
        outliers = cli("workload", "outliers", "--doc", "2024", "--format", "json")
        starred = [r[1].rstrip(" ★") for r in cells("workload-table") if r[1].endswith("★")]
        check(starred == [a["agency"] for a in outliers["agencies"]], "outliers as respgraph workload outliers")
        # The rebalancing plan as respgraph workload balance.
        plan = cli("workload", "balance", "--doc", "2024", "--format", "json")
        page_moves = [(r[0], r[2], r[3]) for r in cells("plan-moves")]
        cli_moves = [(m["task"], m["from"], m["to"]) for m in plan["moves"]]
        check(page_moves == cli_moves, f"plan moves as respgraph workload balance: {page_moves[:2]} vs {cli_moves[:2]}")
        page_loads = [(r[0], float(r[1]), float(r[2])) for r in cells("plan-loads")]
        check(page_loads == [(l["agency"], l["before"], l["after"]) for l in plan["loads"]], "plan loads as respgraph workload balance")
        shot("workload")

        # Matrix.
        go("#matrix")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#matrix td.lead")) > 0, "matrix shows 牵 cells")
        shot("matrix")

        # Planner: the 获得信贷 tasks in 2 meetings, as respgraph plan.
        go("#plan")
        driver.find_element(By.ID, "plan-select-all").click()
        time.sleep(0.2)
        # Type 2 into the number of meetings (the page re-renders on change).
        driver.execute_script("const b = document.getElementById('plan-meetings'); b.value = '2'; b.dispatchEvent(new Event('change'))")
        time.sleep(0.2)
        plan = cli("plan", "--doc", "2024", "--indicator", "获得信贷", "--meetings", "2", "--format", "json")
        check(int(driver.find_element(By.ID, "plan-attendance").text) == plan["attendance"], f"attendance as respgraph plan ({plan['attendance']})")
        check(int(driver.find_element(By.ID, "plan-lower-bound").text) == plan["lower_bound"], "lower bound as respgraph plan")
        check(int(driver.find_element(By.ID, "plan-convened").text) == len(plan["agencies"]), "agencies to convene as respgraph plan")
        page_meetings = [[a.text for a in m.find_elements(By.CSS_SELECTOR, "a")] for m in driver.find_elements(By.CSS_SELECTOR, "#plan-meetings-list .meeting")]
        check(page_meetings == [m["tasks"] for m in plan["meetings"]], f"meetings as respgraph plan: {page_meetings} vs {[m['tasks'] for m in plan['meetings']]}")
        shot("plan")
        # Caps: a whole document under --max-tasks and --max-agencies, the same plan as the CLI's.
        driver.execute_script("for (const [id, v] of [['plan-meetings', ''], ['plan-max-tasks', '6'], ['plan-max-agencies', '12']]) "
                              "{ const b = document.getElementById(id); b.value = v; b.dispatchEvent(new Event('change')) }")
        time.sleep(0.3)
        keys = [b.get_attribute("data-task") for b in driver.find_elements(By.CSS_SELECTOR, "#plan-candidates input[type=checkbox]") if b.is_selected()]
        capped = cli("plan", "--doc", "2024", "--tasks", ",".join(keys), "--max-tasks", "6", "--max-agencies", "12", "--format", "json")
        check(int(driver.find_element(By.ID, "plan-attendance").text) == capped["attendance"], f"capped attendance as respgraph plan ({capped['attendance']})")
        page_meetings = [[a.text for a in m.find_elements(By.CSS_SELECTOR, "a")] for m in driver.find_elements(By.CSS_SELECTOR, "#plan-meetings-list .meeting")]
        check(page_meetings == [m["tasks"] for m in capped["meetings"]], "capped meetings as respgraph plan")
        shot("plan-capped")
        # A whole document (past the exact search: recursive bisection and FM), 6 meetings of at most 37 tasks.
        Select(driver.find_element(By.ID, "filter-indicator")).select_by_index(0)
        time.sleep(0.2)
        driver.find_element(By.ID, "plan-select-all").click()
        driver.execute_script("for (const [id, v] of [['plan-meetings', '6'], ['plan-max-tasks', '37'], ['plan-max-agencies', '']]) "
                              "{ const b = document.getElementById(id); b.value = v; b.dispatchEvent(new Event('change')) }")
        time.sleep(1.5)
        whole = cli("plan", "--doc", "2024", "--meetings", "6", "--max-tasks", "37", "--format", "json")
        check(int(driver.find_element(By.ID, "plan-selected").text) == whole["tasks"], "the whole 2024 document selected")
        page_meetings = [[a.text for a in m.find_elements(By.CSS_SELECTOR, "a")] for m in driver.find_elements(By.CSS_SELECTOR, "#plan-meetings-list .meeting")]
        check(int(driver.find_element(By.ID, "plan-attendance").text) == whole["attendance"], f"whole-document attendance as respgraph plan ({whole['attendance']})")
        check(page_meetings == [m["tasks"] for m in whole["meetings"]], "whole-document meetings as respgraph plan")
        driver.find_element(By.ID, "plan-clear").click()
        Select(driver.find_element(By.ID, "filter-indicator")).select_by_visible_text("获得信贷")
        time.sleep(0.2)
        driver.find_element(By.ID, "plan-select-all").click()
        time.sleep(0.2)
        driver.execute_script("for (const [id, v] of [['plan-meetings', '2'], ['plan-max-tasks', ''], ['plan-max-agencies', '']]) "
                              "{ const b = document.getElementById(id); b.value = v; b.dispatchEvent(new Event('change')) }")
        time.sleep(0.3)
        # Untick two tasks: the page regroups; respgraph plan --tasks agrees.
        boxes = driver.find_elements(By.CSS_SELECTOR, "#plan-candidates input[type=checkbox]")
        boxes[0].click(); time.sleep(0.15)
        driver.find_elements(By.CSS_SELECTOR, "#plan-candidates input[type=checkbox]")[3].click(); time.sleep(0.15)
        keys = [b.get_attribute("data-task") for b in driver.find_elements(By.CSS_SELECTOR, "#plan-candidates input[type=checkbox]") if b.is_selected()]
        plan = cli("plan", "--doc", "2024", "--tasks", ",".join(keys), "--meetings", "2", "--format", "json")
        check(int(driver.find_element(By.ID, "plan-attendance").text) == plan["attendance"], "attendance after unticking as respgraph plan")

        # Network: draw, click an agency for its ego view.
        go("#network")
        nodes = driver.find_elements(By.CSS_SELECTOR, "#network-svg g.node")
        check(len(nodes) > 5, "network drawn")
        shot("network")
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", nodes[-1])
        time.sleep(0.2)
        check(len(driver.find_elements(By.ID, "open-agency")) == 1, "ego view opened")
        shot("network-ego")

        # Compare years.
        Select(driver.find_element(By.ID, "scope")).select_by_value("all")
        go("#compare")
        rose = cells("rose")
        diff = cli("diff", "2022", "2024", "--top", "15", "--format", "json")
        check([r[0] for r in rose] == [r["agency"] if not r["lead_before"] is None else "" for r in diff["risers"]] or
              [r[0].split("（原")[0] for r in rose] == [r["agency"].split("（原")[0] for r in diff["risers"]], "risers as respgraph diff")
        shot("compare")

        # The English switch.
        driver.find_element(By.ID, "language").click()
        time.sleep(0.2)
        check(driver.find_element(By.ID, "tab-workload").text == "Workload", "English labels")
        shot("english")

    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check(not severe, f"no JavaScript errors: {severe}")
finally:
    driver.quit()

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("all checks hold")
