// An invented IATI 2.03 activity file of another publisher, as a new plan is drawn up from: two activities,
// each with one result whose indicator has a baseline and periods with targets and actuals. The shelter
// network is named as in the demo's registry; the other implementer and the publisher are not registered.
export function inventedIatiPlanFile(year: number): string {
  const period = (start: string, end: string, target: number, actual: number) =>
    `<period><period-start iso-date="${year}-${start}"/><period-end iso-date="${year}-${end}"/><target value="${target}"/><actual value="${actual}"><comment><narrative>Reported by the implementer</narrative></comment></actual></period>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
<iati-activity xml:lang="en">
<iati-identifier>XM-EXAMPLE-1-A1</iati-identifier>
<reporting-org ref="XM-EXAMPLE-1" type="80"><narrative>Example Donor Network</narrative></reporting-org>
<title><narrative>Shelter capacity programme</narrative></title>
<participating-org ref="XM-EXAMPLE-SH" role="4"><narrative>Safe Harbour Shelter Network (demo)</narrative></participating-org>
<activity-status code="2"/>
<recipient-country code="KE"/>
<result type="2">
<title><narrative>Victims find safe accommodation</narrative></title>
<indicator measure="1" ascending="1">
<title><narrative>Shelter places available</narrative></title>
<baseline year="${year - 1}" iso-date="${year - 1}-12-31" value="40"/>
${period('01-01', '06-30', 60, 55)}
${period('07-01', '12-31', 80, 81)}
</indicator>
</result>
</iati-activity>
<iati-activity xml:lang="en">
<iati-identifier>XM-EXAMPLE-1-A2</iati-identifier>
<reporting-org ref="XM-EXAMPLE-1" type="80"><narrative>Example Donor Network</narrative></reporting-org>
<title><narrative>Court monitoring</narrative></title>
<participating-org ref="XM-EXAMPLE-CO" role="4"><narrative>Court Watch Collective</narrative></participating-org>
<activity-status code="1"/>
<recipient-country code="KE"/>
<result type="2">
<title><narrative>Traffickers are brought to justice</narrative></title>
<indicator measure="1" ascending="1">
<title><narrative>Trials monitored</narrative></title>
${period('01-01', '12-31', 20, 14)}
</indicator>
</result>
</iati-activity>
</iati-activities>
`;
}
