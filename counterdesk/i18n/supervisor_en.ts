<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="151" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="152" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="153" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="157" />
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="161" />
        <source>deleted after the opinion was closed</source>
        <translation>deleted after the opinion was closed</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="163" />
        <source>none left</source>
        <translation>none left</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="166" />
        <source>Contact details</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="173" />
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="176" />
        <source>The answer given, or the action taken</source>
        <translation>The answer given, or the action taken</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="177" />
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="180" />
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="182" />
        <source>Save answer</source>
        <translation>Save answer</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="121" />
        <source>Assign %1</source>
        <translation>Assign %1</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="125" />
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="127" />
        <source>Assign to</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="128" />
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>Opinions</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="47" />
        <source>Status page</source>
        <translation>Status page</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="48" />
        <source>Counter screen</source>
        <translation>Counter screen</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="49" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="50" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="51" />
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="52" />
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="59" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="60" />
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="61" />
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="62" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="69" />
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="70" />
        <source>assigned</source>
        <translation>assigned</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="71" />
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="72" />
        <source>answer changed</source>
        <translation>answer changed</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="73" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="74" />
        <source>contact details deleted</source>
        <translation>contact details deleted</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="85" />
        <source>Counter %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>OpinionsTab</name>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="111" />
        <source>Opinions received (period)</source>
        <translation>Opinions received (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="112" />
        <source>Answered (period)</source>
        <translation>Answered (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="113" />
        <source>Median days to answer (period)</source>
        <translation>Median days to answer (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="114" />
        <source>Answered within %1 days (period)</source>
        <translation>Answered within %1 days (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="115" />
        <source>Unanswered after %1 days (period)</source>
        <translation>Unanswered after %1 days (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="119" />
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="120" />
        <source>Answer…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="121" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="122" />
        <source>Record opinion…</source>
        <translation>Record opinion…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="123" />
        <source>Show closed</source>
        <translation>Show closed</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="138" />
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="174" />
        <source>%1 not closed, %2 overdue. Double-click an opinion to read and answer it.</source>
        <translation>%1 not closed, %2 overdue. Double-click an opinion to read and answer it.</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="179" />
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="180" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="181" />
        <source>Age (days)</source>
        <translation>Age (days)</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="182" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="183" />
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="184" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="185" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="186" />
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="210" />
        <source>%1, overdue</source>
        <translation>%1, overdue</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="267" />
        <source>Could not read the opinions: %1</source>
        <translation>Could not read the opinions: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="298" />
        <source>%1 is assigned to %2.</source>
        <translation>%1 is assigned to %2.</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="322" />
        <source>The answer to %1 is recorded.</source>
        <translation>The answer to %1 is recorded.</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="330" />
        <source>%1 is closed.</source>
        <translation>%1 is closed.</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="345" />
        <source>Recorded as %1.</source>
        <translation>Recorded as %1.</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="365" />
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="194" />
        <source>Record an opinion</source>
        <translation>Record an opinion</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="198" />
        <source>What the citizen said or wrote</source>
        <translation>What the citizen said or wrote</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="199" />
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="205" />
        <source>Received by</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="208" />
        <source>Only if the citizen wants an answer: phone or e-mail</source>
        <translation>Only if the citizen wants an answer: phone or e-mail</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="210" />
        <source>Contact details</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="215" />
        <source>About the service</source>
        <translation>About the service</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="221" />
        <source>About the counter</source>
        <translation>About the counter</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="222" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>SatisfactionTab</name>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="119" />
        <source>Mean score (1–5 faces)</source>
        <translation>Mean score (1–5 faces)</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="120" />
        <source>Satisfied (4 or 5 faces)</source>
        <translation>Satisfied (4 or 5 faces)</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="121" />
        <location filename="../supervisor/satisfaction_tab.py" line="183" />
        <location filename="../supervisor/satisfaction_tab.py" line="217" />
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="122" />
        <source>Trend of the monthly mean</source>
        <translation>Trend of the monthly mean</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="126" />
        <source>Breakdown</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="129" />
        <source>By service</source>
        <translation>By service</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="130" />
        <source>By counter</source>
        <translation>By counter</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="131" />
        <source>By staff member</source>
        <translation>By staff member</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="132" />
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="242" />
        <source>What citizens wrote with their faces: %1 comments in this period, the newest visit first. The service, counter and staff filters do not apply here.</source>
        <translation>What citizens wrote with their faces: %1 comments in this period, the newest visit first. The service, counter and staff filters do not apply here.</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="246" />
        <source>Citizens rate a finished visit with 1 to 5 faces, at the counter or on the ticket's status page. Satisfied: 4 or 5 faces. The service, counter and staff filters do not apply here. Click a heading to sort.</source>
        <translation>Citizens rate a finished visit with 1 to 5 faces, at the counter or on the ticket's status page. Satisfied: 4 or 5 faces. The service, counter and staff filters do not apply here. Click a heading to sort.</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="171" />
        <source>No ratings in this period</source>
        <translation>No ratings in this period</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="133" />
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="180" />
        <source>Mean score by month</source>
        <translation>Mean score by month</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="181" />
        <location filename="../supervisor/satisfaction_tab.py" line="218" />
        <source>Mean score</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="182" />
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="184" />
        <source>faces</source>
        <translation>faces</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="185" />
        <source>ratings per month</source>
        <translation>ratings per month</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="194" />
        <source>– (needs two months)</source>
        <translation>– (needs two months)</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="196" />
        <source>improving</source>
        <translation>improving</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="197" />
        <source>worsening</source>
        <translation>worsening</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="198" />
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="201" />
        <source>%1 faces/month, %2</source>
        <translation>%1 faces/month, %2</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="219" />
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="221" />
        <source>Score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="237" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="257" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="258" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="259" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="260" />
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="261" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="262" />
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="241" />
        <source>Supervisor — statistics and reports</source>
        <translation>Supervisor — statistics and reports</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="242" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="243" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="246" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="247" />
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="248" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="249" />
        <source>First half of the year</source>
        <translation>First half of the year</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="250" />
        <source>Second half of the year</source>
        <translation>Second half of the year</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="251" />
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="252" />
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="256" />
        <location filename="../supervisor/window.py" line="529" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="257" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="258" />
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="261" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="262" />
        <source>Served today</source>
        <translation>Served today</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="263" />
        <source>Median wait (period)</source>
        <translation>Median wait (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="264" />
        <source>90% called within (period)</source>
        <translation>90% called within (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="265" />
        <source>Called within target wait (period)</source>
        <translation>Called within target wait (period)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="269" />
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="270" />
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="271" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="272" />
        <source>Opinions</source>
        <translation>Opinions</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="273" />
        <source>Breakdown</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="276" />
        <source>By service</source>
        <translation>By service</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="277" />
        <source>By counter</source>
        <translation>By counter</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="278" />
        <source>By staff member</source>
        <translation>By staff member</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="279" />
        <source>By day</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="280" />
        <source>By weekday</source>
        <translation>By weekday</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="281" />
        <source>By hour of day</source>
        <translation>By hour of day</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="282" />
        <source>Priority and ordinary</source>
        <translation>Priority and ordinary</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="288" />
        <source>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service's target wait. Times in minutes. Click a heading to sort.</source>
        <translation>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service's target wait. Times in minutes. Click a heading to sort.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="293" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="294" />
        <source>Export Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="295" />
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="296" />
        <source>Today, live</source>
        <translation>Today, live</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="320" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="356" />
        <source>The period ends before it starts: check the dates.</source>
        <translation>The period ends before it starts: check the dates.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="361" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="382" />
        <source>Could not read the ratings: %1</source>
        <translation>Could not read the ratings: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="394" />
        <source>Tickets in the period: %1</source>
        <translation>Tickets in the period: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="396" />
        <source>No tickets in this period.</source>
        <translation>No tickets in this period.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="403" />
        <source>Could not read the statistics: %1</source>
        <translation>Could not read the statistics: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="411" />
        <location filename="../supervisor/window.py" line="412" />
        <location filename="../supervisor/window.py" line="465" />
        <location filename="../supervisor/window.py" line="520" />
        <location filename="../supervisor/window.py" line="536" />
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="416" />
        <source>No tickets in this period</source>
        <translation>No tickets in this period</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="420" />
        <location filename="../supervisor/window.py" line="478" />
        <source>Median wait</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="421" />
        <source>90th percentile wait</source>
        <translation>90th percentile wait</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="422" />
        <location filename="../supervisor/window.py" line="456" />
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="429" />
        <source>Arrivals and waiting by hour</source>
        <translation>Arrivals and waiting by hour</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="430" />
        <source>Arrivals per day</source>
        <translation>Arrivals per day</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="431" />
        <source>tickets per day</source>
        <translation>tickets per day</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="435" />
        <source>Waiting by day</source>
        <translation>Waiting by day</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="443" />
        <source>Called within target wait, by service</source>
        <translation>Called within target wait, by service</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="444" />
        <location filename="../supervisor/window.py" line="481" />
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="453" />
        <source>Handling time by staff member</source>
        <translation>Handling time by staff member</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="454" />
        <location filename="../supervisor/window.py" line="482" />
        <source>Median handling</source>
        <translation>Median handling</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="455" />
        <source>90th percentile handling</source>
        <translation>90th percentile handling</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="471" />
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="472" />
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="473" />
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="474" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="475" />
        <source>Removed at close</source>
        <translation>Removed at close</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="476" />
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="477" />
        <source>Mean wait</source>
        <translation>Mean wait</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="479" />
        <source>90th pct. wait</source>
        <translation>90th pct. wait</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="480" />
        <location filename="../supervisor/window.py" line="529" />
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="483" />
        <source>90th pct. handling</source>
        <translation>90th pct. handling</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="484" />
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="494" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="511" />
        <source>Database unreachable, retrying: %1</source>
        <translation>Database unreachable, retrying: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="522" />
        <source>Counters open: %1 of %2. Longest current wait: %3.</source>
        <translation>Counters open: %1 of %2. Longest current wait: %3.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="529" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="529" />
        <source>Counters</source>
        <translation>Counters</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="564" />
        <source>Save export</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="583" />
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="607" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="610" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
</TS>