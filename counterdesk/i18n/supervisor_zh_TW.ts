<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../reports/window.py" line="243" />
        <source>Supervisor — statistics and reports</source>
        <translation>主管 — 統計與報表</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="244" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="245" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="248" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="249" />
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="250" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="251" />
        <source>First half of the year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="252" />
        <source>Second half of the year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="253" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="254" />
        <source>Custom dates</source>
        <translation>自訂日期</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="258" />
        <location filename="../reports/window.py" line="529" />
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="259" />
        <source>Counter</source>
        <translation>櫃檯</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="260" />
        <source>Staff</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="263" />
        <source>Waiting now</source>
        <translation>目前等候人數</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="264" />
        <source>Served today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="265" />
        <source>Median wait (period)</source>
        <translation>等候中位數（期間）</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="266" />
        <source>90% called within (period)</source>
        <translation>90% 於此時間內叫號（期間）</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="267" />
        <source>Called within target wait (period)</source>
        <translation>目標時間內叫號比例（期間）</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="271" />
        <source>Overview</source>
        <translation>總覽</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="272" />
        <source>Tables</source>
        <translation>明細表</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="273" />
        <source>Breakdown</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="276" />
        <source>By service</source>
        <translation>依服務項目</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="277" />
        <source>By counter</source>
        <translation>依櫃檯</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="278" />
        <source>By staff member</source>
        <translation>依承辦人</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="279" />
        <source>By day</source>
        <translation>依日期</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="280" />
        <source>By weekday</source>
        <translation>依星期</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="281" />
        <source>By hour of day</source>
        <translation>依時段</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="282" />
        <source>Priority and ordinary</source>
        <translation>優先與一般</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="288" />
        <source>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service's target wait. Times in minutes. Click a heading to sort.</source>
        <translation>等候：抽號至應答叫號。處理：櫃檯開始至完成。中位數與第 90 百分位採最近序位法。服務水準：於該服務目標等候時間內叫號之比例。時間單位為分鐘。點選欄位標題可排序。</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="293" />
        <source>Export CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="294" />
        <source>Export Excel</source>
        <translation>匯出 Excel</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="295" />
        <source>PDF report</source>
        <translation>PDF 報告</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="296" />
        <source>Today, live</source>
        <translation>今日即時</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="320" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="356" />
        <source>The period ends before it starts: check the dates.</source>
        <translation>期間結束日早於開始日：請檢查日期。</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="361" />
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="376" />
        <source>Tickets in the period: %1</source>
        <translation>期間內號碼數：%1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="378" />
        <source>No tickets in this period.</source>
        <translation>此期間沒有號碼。</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="384" />
        <source>Could not read the statistics: %1</source>
        <translation>無法讀取統計資料：%1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="391" />
        <location filename="../reports/window.py" line="392" />
        <location filename="../reports/window.py" line="454" />
        <location filename="../reports/window.py" line="520" />
        <location filename="../reports/window.py" line="536" />
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="396" />
        <source>No tickets in this period</source>
        <translation>此期間沒有號碼</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="400" />
        <location filename="../reports/window.py" line="463" />
        <source>Median wait</source>
        <translation>等候中位數</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="401" />
        <source>90th percentile wait</source>
        <translation>等候第 90 百分位</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="402" />
        <location filename="../reports/window.py" line="441" />
        <source>minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="409" />
        <source>Arrivals and waiting by hour</source>
        <translation>各時段到達與等候</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="410" />
        <source>Arrivals per day</source>
        <translation>每日平均到達</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="411" />
        <source>tickets per day</source>
        <translation>每日號碼數</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="415" />
        <source>Waiting by day</source>
        <translation>每日等候</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="428" />
        <source>Called within target wait, by service</source>
        <translation>各服務目標時間內叫號比例</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="429" />
        <location filename="../reports/window.py" line="466" />
        <source>Service level</source>
        <translation>服務水準</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="438" />
        <source>Handling time by staff member</source>
        <translation>各承辦人處理時間</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="439" />
        <location filename="../reports/window.py" line="468" />
        <source>Median handling</source>
        <translation>處理中位數</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="440" />
        <source>90th percentile handling</source>
        <translation>處理第 90 百分位</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="456" />
        <source>Issued</source>
        <translation>發出</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="457" />
        <source>Served</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="458" />
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="459" />
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="460" />
        <source>Removed at close</source>
        <translation>關櫃移除</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="461" />
        <source>Transferred</source>
        <translation>轉送</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="462" />
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="464" />
        <source>90th pct. wait</source>
        <translation>等候 P90</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="465" />
        <location filename="../reports/window.py" line="529" />
        <source>Longest wait</source>
        <translation>最長等候</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="473" />
        <source>90th pct. handling</source>
        <translation>處理 P90</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="477" />
        <source>Utilisation</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="481" />
        <source>Group</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="511" />
        <source>Database unreachable, retrying: %1</source>
        <translation>無法連線資料庫，重試中：%1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="522" />
        <source>Counters open: %1 of %2. Longest current wait: %3.</source>
        <translation>開放櫃檯：%1／%2。目前最長等候：%3。</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="529" />
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="529" />
        <source>Counters</source>
        <translation>櫃檯數</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="564" />
        <source>Save export</source>
        <translation>儲存匯出檔</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="583" />
        <source>Exporting %1…</source>
        <translation>匯出 %1 中…</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="607" />
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../reports/window.py" line="610" />
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
</context>
</TS>