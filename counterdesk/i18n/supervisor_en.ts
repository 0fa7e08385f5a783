<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../reports/window.py" line="243" />
        <source>Supervisor — statistics and reports</source>
        <translation>Supervisor — statistics and reports</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="244" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="245" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="248" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="249" />
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="250" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="251" />
        <source>First half of the year</source>
        <translation>First half of the year</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="252" />
        <source>Second half of the year</source>
        <translation>Second half of the year</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="253" />
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="254" />
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="258" />
        <location filename="../reports/window.py" line="529" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="259" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="260" />
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="263" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="264" />
        <source>Served today</source>
        <translation>Served today</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="265" />
        <source>Median wait (period)</source>
        <translation>Median wait (period)</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="266" />
        <source>90% called within (period)</source>
        <translation>90% called within (period)</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="267" />
        <source>Called within target wait (period)</source>
        <translation>Called within target wait (period)</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="271" />
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="272" />
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="273" />
        <source>Breakdown</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="276" />
        <source>By service</source>
        <translation>By service</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="277" />
        <source>By counter</source>
        <translation>By counter</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="278" />
        <source>By staff member</source>
        <translation>By staff member</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="279" />
        <source>By day</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="280" />
        <source>By weekday</source>
        <translation>By weekday</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="281" />
        <source>By hour of day</source>
        <translation>By hour of day</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="282" />
        <source>Priority and ordinary</source>
        <translation>Priority and ordinary</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="288" />
        <source>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service's target wait. Times in minutes. Click a heading to sort.</source>
        <translation>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service's target wait. Times in minutes. Click a heading to sort.</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="293" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="294" />
        <source>Export Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="295" />
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="296" />
        <source>Today, live</source>
        <translation>Today, live</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="320" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="356" />
        <source>The period ends before it starts: check the dates.</source>
        <translation>The period ends before it starts: check the dates.</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="361" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="376" />
        <source>Tickets in the period: %1</source>
        <translation>Tickets in the period: %1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="378" />
        <source>No tickets in this period.</source>
        <translation>No tickets in this period.</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="384" />
        <source>Could not read the statistics: %1</source>
        <translation>Could not read the statistics: %1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="391" />
        <location filename="../reports/window.py" line="392" />
        <location filename="../reports/window.py" line="454" />
        <location filename="../reports/window.py" line="520" />
        <location filename="../reports/window.py" line="536" />
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="396" />
        <source>No tickets in this period</source>
        <translation>No tickets in this period</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="400" />
        <location filename="../reports/window.py" line="463" />
        <source>Median wait</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="401" />
        <source>90th percentile wait</source>
        <translation>90th percentile wait</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="402" />
        <location filename="../reports/window.py" line="441" />
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="409" />
        <source>Arrivals and waiting by hour</source>
        <translation>Arrivals and waiting by hour</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="410" />
        <source>Arrivals per day</source>
        <translation>Arrivals per day</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="411" />
        <source>tickets per day</source>
        <translation>tickets per day</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="415" />
        <source>Waiting by day</source>
        <translation>Waiting by day</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="428" />
        <source>Called within target wait, by service</source>
        <translation>Called within target wait, by service</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="429" />
        <location filename="../reports/window.py" line="466" />
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="438" />
        <source>Handling time by staff member</source>
        <translation>Handling time by staff member</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="439" />
        <location filename="../reports/window.py" line="468" />
        <source>Median handling</source>
        <translation>Median handling</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="440" />
        <source>90th percentile handling</source>
        <translation>90th percentile handling</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="456" />
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="457" />
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="458" />
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="459" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="460" />
        <source>Removed at close</source>
        <translation>Removed at close</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="461" />
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="462" />
        <source>Mean wait</source>
        <translation>Mean wait</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="464" />
        <source>90th pct. wait</source>
        <translation>90th pct. wait</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="465" />
        <location filename="../reports/window.py" line="529" />
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="473" />
        <source>90th pct. handling</source>
        <translation>90th pct. handling</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="477" />
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="481" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="511" />
        <source>Database unreachable, retrying: %1</source>
        <translation>Database unreachable, retrying: %1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="522" />
        <source>Counters open: %1 of %2. Longest current wait: %3.</source>
        <translation>Counters open: %1 of %2. Longest current wait: %3.</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="529" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="529" />
        <source>Counters</source>
        <translation>Counters</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="564" />
        <source>Save export</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="583" />
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="607" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="610" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
</TS>