import { describe, expect, it } from "vitest";
import { gradesToCsv } from "../../../runner/report/grade-csv.js";
import { CLASS } from "../../support/grade-records.js";

describe("the CSV grade report", () => {
  it("has a row per host and a column per check: points, n/a, or empty when the host could not be graded", () => {
    const rows = gradesToCsv(CLASS).split("\r\n");
    expect(rows[0]).toBe("student,host,status,score,max_score,failed,error,motd,listen,selinux");
    expect(rows[1]).toBe("alice,root@web01,graded,5,5,,,2,3,n/a");
    expect(rows[3]).toBe(`carol,root@web03,error,0,6,,"connection refused: nothing listens on that port, or a firewall rejects it",,,`);
  });

  it("defuses spreadsheet formulas and quotes per RFC 4180", () => {
    const row = gradesToCsv(CLASS).split("\r\n")[2];
    expect(row.startsWith(`"'=HYPERLINK(""http://x"")",root@web02,graded,2,5,listen,`)).toBe(true);
  });
});
