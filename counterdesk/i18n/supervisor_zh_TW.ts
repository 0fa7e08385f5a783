<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccuracyTab</name>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="45"/>
        <source>Mean error of the promised wait</source>
        <translation>預估等候平均誤差</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="46"/>
        <source>Bias: waited longer (+) or shorter (−) than promised</source>
        <translation>偏差：實際等候比預估長（+）或短（−）</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="47"/>
        <source>Called within the range promised</source>
        <translation>於預估範圍內叫號</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="48"/>
        <source>Promised waits measured</source>
        <translation>已量測之預估等候</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="52"/>
        <source>By service</source>
        <translation>依服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="52"/>
        <source>By hour of issue</source>
        <translation>依抽號時段</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="79"/>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="87"/>
        <source>Promised</source>
        <translation>有預估</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="88"/>
        <source>Called</source>
        <translation>已叫號</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="89"/>
        <source>Not called</source>
        <translation>未叫號</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="90"/>
        <source>Still waiting</source>
        <translation>仍在等候</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="91"/>
        <source>Mean promised</source>
        <translation>平均預估</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="92"/>
        <source>Mean actual wait</source>
        <translation>平均實際等候</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="93"/>
        <source>Mean error</source>
        <translation>平均誤差</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="94"/>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="95"/>
        <source>RMSE</source>
        <translation>均方根誤差</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="96"/>
        <source>Within range</source>
        <translation>範圍內</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="99"/>
        <source>Group</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../supervisor/accuracy_tab.py" line="104"/>
        <source>Promised: the wait the kiosk and ticket showed at issue; actual: issue → first call. Mean error: the mean difference either way. Bias: the mean of actual − promised, positive when citizens waited longer than promised. RMSE weighs large errors more. Within range: called within the range shown, to the minute (a single figure: within %2 min). Tickets issued without a promise are left out (%1 in this period). The counter and staff filters do not apply here.</source>
        <translation>預估：抽號時取號機與號碼單顯示之等候時間；實際：抽號至首次叫號。平均誤差：兩者差距（不論長短）之平均。偏差：實際減預估之平均，正值表示民眾等得比預估久。均方根誤差對大誤差加重計算。範圍內：於顯示之範圍內叫號（以分鐘計；單一數字者為前後 %2 分鐘內）。抽號時無預估之號碼不計入（本期間 %1 張）。櫃檯與承辦人篩選不適用於此。</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="153"/>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="154"/>
        <source>About</source>
        <translation>相關服務</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="155"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="159"/>
        <source>Opinion</source>
        <translation>意見內容</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="163"/>
        <source>deleted after the opinion was closed</source>
        <translation>已於結案後刪除</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="165"/>
        <source>none left</source>
        <translation>未留聯絡方式</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="168"/>
        <source>Contact details</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="175"/>
        <source>Follow-up</source>
        <translation>處理紀錄</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="178"/>
        <source>The answer given, or the action taken</source>
        <translation>答覆內容或處理情形</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="179"/>
        <source>Answer</source>
        <translation>答覆</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="182"/>
        <source>Answered by</source>
        <translation>答覆人</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="184"/>
        <source>Save answer</source>
        <translation>儲存答覆</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="123"/>
        <source>Assign %1</source>
        <translation>分派 %1</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="127"/>
        <source>Opinion</source>
        <translation>意見內容</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="129"/>
        <source>Assign to</source>
        <translation>分派給</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="130"/>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="96"/>
        <source>Book for a caller</source>
        <translation>代客預約</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="98"/>
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="99"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="100"/>
        <source>Time</source>
        <translation>時段</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="101"/>
        <source>Contact</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="102"/>
        <source>Booked by</source>
        <translation>預約承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="106"/>
        <source>Optional: mobile or e-mail, only for a reminder</source>
        <translation>選填：手機或電子郵件，僅用於提醒</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="107"/>
        <source>Book</source>
        <translation>預約</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="137"/>
        <source>%1 (%2) · %3 free</source>
        <translation>%1（%2）· 尚餘 %3 名額</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="154"/>
        <source>%1 · %2 of %3 free</source>
        <translation>%1 · 尚餘 %2／%3 名額</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="158"/>
        <source>No free time that day</source>
        <translation>當日已無空檔</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="185"/>
        <source>Booked: code %1, %2 at %3. Read the code to the caller; their link: %4</source>
        <translation>已預約：預約代碼 %1，%2，%3。請向來電民眾唸出代碼；預約連結：%4</translation>
    </message>
    <message>
        <location filename="../supervisor/booking_dialog.py" line="201"/>
        <source>Not booked: %1</source>
        <translation>未能預約：%1</translation>
    </message>
</context>
<context>
    <name>CaseFiguresTab</name>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="56"/>
        <source>Cases received</source>
        <translation>收件案件</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="57"/>
        <source>Decided within the standard time</source>
        <translation>於標準處理時間內決定</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="58"/>
        <source>Median working days to decision (90% within)</source>
        <translation>決定所需工作日中位數（括號內：90% 於此日數內）</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="59"/>
        <source>Overdue, not yet decided</source>
        <translation>逾期未決</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="63"/>
        <source>By service</source>
        <translation>依服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="63"/>
        <source>At each stage now</source>
        <translation>目前各階段</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="82"/>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="95"/>
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="104"/>
        <source>Standard days</source>
        <translation>標準日數</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="105"/>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="106"/>
        <source>Decided</source>
        <translation>已決定</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="107"/>
        <source>Within standard</source>
        <translation>標準內決定</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="108"/>
        <source>Median to decision</source>
        <translation>決定日數中位數</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="109"/>
        <source>90% decided within</source>
        <translation>90% 決定於（日）</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="110"/>
        <source>Median to hand-over</source>
        <translation>交付日數中位數</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="111"/>
        <source>Needed a correction</source>
        <translation>曾需補正</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="112"/>
        <source>Rejected</source>
        <translation>駁回</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="113"/>
        <source>Overdue</source>
        <translation>逾期未決</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="120"/>
        <source>No cases in this period</source>
        <translation>本期間無案件</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="128"/>
        <source>Working days to decision against the standard</source>
        <translation>決定所需工作日與標準處理日數</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="129"/>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="130"/>
        <source>Median</source>
        <translation>中位數</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="131"/>
        <source>90% within</source>
        <translation>90% 於</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="132"/>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../supervisor/case_figures_tab.py" line="139"/>
        <source>Cases received in the period, by service. Days are working days (days the office opens) from the day after receipt to the decision (approved or rejected) and to the hand-over (ready for pick-up, mailed or delivered electronically). The standard is each case&apos;s expected date, set when it was received and moved on by the working days a correction waited. Overdue: neither decided nor closed nor waiting for a correction, and past its expected date on %1. The counter and staff filters do not apply here.</source>
        <translation>期間內收件之案件，依服務項目。日數為工作日（機關開放日），自收件次日起算至決定（核准或駁回）及交付（待領取、郵寄或電子送達）。標準為各案收件時所定之預定完成日，待補正之工作日使其順延。逾期未決：未決定、未結案亦非待補正，且於 %1 已過預定完成日。櫃檯與承辦人篩選不適用於此。</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../ui/case_views.py" line="419"/>
        <source>Case &amp;number</source>
        <translation>案件編號(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="420"/>
        <source>&amp;Look up</source>
        <translation>查詢(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="421"/>
        <source>Move to (Alt and the digit):</source>
        <translation>移至（Alt 加數字鍵）：</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="423"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="423"/>
        <source>From</source>
        <translation>原階段</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="423"/>
        <source>To</source>
        <translation>新階段</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="423"/>
        <source>By and note</source>
        <translation>經辦與備註</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="468"/>
        <source>Service: %1</source>
        <translation>業務：%1</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="471"/>
        <source>Received %1, expected by %2</source>
        <translation>收件 %1，預計 %2 前完成</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="476"/>
        <source>Overdue: not decided by its expected date</source>
        <translation>逾期：預計完成日前未核定</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="479"/>
        <source>Missing: %1 (by %2)</source>
        <translation>待補：%1（%2 前）</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="484"/>
        <source>Notices to the citizen: %1</source>
        <translation>通知民眾：%1</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="490"/>
        <source>none (no contact left)</source>
        <translation>無（未留聯絡方式）</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="515"/>
        <source>Closed: no more moves.</source>
        <translation>已結案，無後續階段。</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="571"/>
        <source>%1 moved to %2</source>
        <translation>%1 已移至 %2</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../supervisor/cases_tab.py" line="137"/>
        <source>S&amp;tage</source>
        <translation>階段(&amp;T)</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="138"/>
        <source>Ser&amp;vice</source>
        <translation>業務(&amp;V)</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="139"/>
        <source>Staff acting</source>
        <translation>經辦人員</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="140"/>
        <source>All stages</source>
        <translation>所有階段</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="141"/>
        <source>All services</source>
        <translation>所有業務</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="142"/>
        <source>&amp;Overdue only</source>
        <translation>只看逾期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="143"/>
        <source>Register a case…</source>
        <translation>登錄案件…</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="144"/>
        <source>Import CSV…</source>
        <translation>匯入 CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="171"/>
        <source>Could not read the cases: %1</source>
        <translation>無法讀取案件：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="179"/>
        <source>%1 cases, %2 overdue. Double-click a case for its history and moves.</source>
        <translation>共 %1 件，逾期 %2 件。按兩下案件可看歷程與移動階段。</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="184"/>
        <source>Case number</source>
        <translation>案件編號</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="185"/>
        <source>Service</source>
        <translation>業務</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="186"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="187"/>
        <source>Received</source>
        <translation>收件日</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="188"/>
        <source>Expected</source>
        <translation>預計完成</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="200"/>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="238"/>
        <source>Case %1 registered</source>
        <translation>案件 %1 已登錄</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="251"/>
        <source>Import case moves</source>
        <translation>匯入案件階段異動</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="251"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="290"/>
        <source>Imported: %1 cases moved</source>
        <translation>已匯入：%1 件案件已移動</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="296"/>
        <source>Nothing imported: %1</source>
        <translation>未匯入任何異動：%1</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../ui/case_views.py" line="349"/>
        <source>Correction needed</source>
        <translation>通知補正</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="350"/>
        <source>What is &amp;missing</source>
        <translation>待補文件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="351"/>
        <source>To correct &amp;by</source>
        <translation>補正期限(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="355"/>
        <source>Say what is missing.</source>
        <translation>請填寫待補文件。</translation>
    </message>
</context>
<context>
    <name>CountersSection</name>
    <message>
        <location filename="../supervisor/office_sections.py" line="144"/>
        <source>Counters</source>
        <translation>櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="145"/>
        <source>Services of the chosen counter, in order</source>
        <translation>所選櫃檯辦理的服務（依順序）</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="147"/>
        <source>Number</source>
        <translation>櫃檯號</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="147"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="147"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="147"/>
        <source>Services</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="149"/>
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="150"/>
        <source>Add to counter</source>
        <translation>加入此櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="215"/>
        <source>No counter serves: %1</source>
        <translation>沒有櫃檯辦理：%1</translation>
    </message>
</context>
<context>
    <name>DeadLettersTab</name>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="87"/>
        <source>SMS and e-mail to citizens that were not delivered, or may not have been (the sending was cut off). Check with the citizen before sending an uncertain one again: it may have arrived.</source>
        <translation>未送達民眾的簡訊與電子郵件，或不確定是否送達者（傳送中斷）。重新傳送「不確定」的訊息前請先向民眾確認：對方可能已收到。</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="92"/>
        <source>&amp;Resend…</source>
        <translation>重新傳送(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="93"/>
        <source>Re&amp;fresh</source>
        <translation>重新整理(&amp;F)</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="115"/>
        <source>%1 not delivered, %2 uncertain.</source>
        <translation>%1 則未送達，%2 則不確定。</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="120"/>
        <source>Last try</source>
        <translation>最後嘗試</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="121"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="122"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="123"/>
        <source>To</source>
        <translation>收件者</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="124"/>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="125"/>
        <source>Tries</source>
        <translation>嘗試次數</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="126"/>
        <source>Last error</source>
        <translation>最後錯誤</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="144"/>
        <source>SMS</source>
        <translation>簡訊</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="144"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="164"/>
        <source>Uncertain</source>
        <translation>不確定</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="165"/>
        <source>Not delivered</source>
        <translation>未送達</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="174"/>
        <source>Booking %1: booked</source>
        <translation>預約 %1：已預約</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="175"/>
        <source>Booking %1: reminder</source>
        <translation>預約 %1：提醒</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="176"/>
        <source>Booking %1: moved</source>
        <translation>預約 %1：改期</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="177"/>
        <source>Booking %1: cancelled</source>
        <translation>預約 %1：取消</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="184"/>
        <source>Case %1: %2</source>
        <translation>案件 %1：%2</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="186"/>
        <source>Reply to a text message</source>
        <translation>簡訊回覆</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="188"/>
        <source>Opt-out confirmation</source>
        <translation>退訂確認</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="213"/>
        <source>Could not read the messages: %1</source>
        <translation>無法讀取訊息：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="237"/>
        <source>%1 to %2 is in line to be sent again.</source>
        <translation>%1（%2）已排入重新傳送。</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="248"/>
        <source>Not sent again: %1</source>
        <translation>未重新傳送：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="254"/>
        <source>%1 to %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="260"/>
        <source>The sending of this message was cut off: it may have been delivered. Sending it again may send it twice. Send it again only if the citizen did not get it.</source>
        <translation>此訊息傳送中斷，可能已送達。重新傳送可能使民眾收到兩次。請確認民眾未收到後再重新傳送。</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="264"/>
        <source>This message was not delivered. It goes back in line to be sent.</source>
        <translation>此訊息未送達，將重新排入傳送。</translation>
    </message>
    <message>
        <location filename="../supervisor/dead_letters_tab.py" line="267"/>
        <source>Send again?</source>
        <translation>重新傳送？</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <location filename="../supervisor/figures_tab.py" line="80"/>
        <source>Breakdown</source>
        <translation>分類</translation>
    </message>
</context>
<context>
    <name>HoursSection</name>
    <message>
        <location filename="../supervisor/office_sections.py" line="355"/>
        <source>Opening days</source>
        <translation>營業日</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="357"/>
        <source>Sessions</source>
        <translation>營業時段</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="358"/>
        <source>Last ticket at</source>
        <translation>最後取號時間</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="359"/>
        <source>Closed dates</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="360"/>
        <source>Opens</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="360"/>
        <source>Closes</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="362"/>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="362"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="362"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../supervisor/cases_tab.py" line="316"/>
        <source>Import case moves</source>
        <translation>匯入案件階段異動</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="324"/>
        <source>&amp;Apply all</source>
        <translation>全部套用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="324"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="344"/>
        <source>%1 cannot be imported; nothing was changed. Fix these and import it again:</source>
        <translation>%1 無法匯入，未做任何變更。請修正以下問題後再匯入：</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="347"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="352"/>
        <source>%1 (read as %2): %3 moves, applied all together or not at all.</source>
        <translation>%1（以 %2 讀取）：%3 筆異動，全部一起套用或全部不套用。</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="369"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="370"/>
        <source>Case number</source>
        <translation>案件編號</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="371"/>
        <source>Stage now</source>
        <translation>目前階段</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="372"/>
        <source>Moved to</source>
        <translation>移至</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="373"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../supervisor/cases_tab.py" line="374"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>OfficeHistory</name>
    <message>
        <location filename="../supervisor/office_history.py" line="90"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="90"/>
        <source>Saved at</source>
        <translation>儲存時間</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="90"/>
        <source>By</source>
        <translation>儲存者</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="90"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="92"/>
        <source>What this version changed</source>
        <translation>此版本的變更</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="93"/>
        <source>Roll back to this version…</source>
        <translation>回復到此版本…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="135"/>
        <source>The first version kept.</source>
        <translation>最早保存的版本。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="156"/>
        <source>No change.</source>
        <translation>沒有變更。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="176"/>
        <source>Roll back?</source>
        <translation>要回復嗎？</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="178"/>
        <source>Make version %1 the office again? Every kiosk, counter and board follows. The versions after it are kept, so this can be undone.</source>
        <translation>要將機關設定回復為第 %1 版嗎？所有取號機、櫃檯與叫號看板都會跟著更新。之後的版本仍會保留，因此可以再復原。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="187"/>
        <source>Rolled back: now version %1.</source>
        <translation>已回復：目前為第 %1 版。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_history.py" line="207"/>
        <source>The office already is version %1: nothing was changed.</source>
        <translation>機關設定已是第 %1 版：未做任何變更。</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../supervisor/office_tab.py" line="149"/>
        <source>Services</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="150"/>
        <source>Counters</source>
        <translation>櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="151"/>
        <source>Staff and PINs</source>
        <translation>人員與密碼</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="152"/>
        <source>Opening hours</source>
        <translation>營業時間</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="153"/>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="154"/>
        <source>History</source>
        <translation>版本紀錄</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="155"/>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="156"/>
        <source>Undo changes</source>
        <translation>放棄變更</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="157"/>
        <source>Add service…</source>
        <translation>新增服務項目…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="158"/>
        <source>Remove service</source>
        <translation>刪除服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="159"/>
        <source>Import office file…</source>
        <translation>匯入機關設定檔…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="160"/>
        <source>Export office file…</source>
        <translation>匯出機關設定檔…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="214"/>
        <source>Add service</source>
        <translation>新增服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="215"/>
        <source>Code of the new service (lower-case letters, digits and _), e.g. notary</source>
        <translation>新服務項目的代碼（小寫英文字母、數字與 _），例如 notary</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="265"/>
        <source>Saving…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="282"/>
        <source>Save the office</source>
        <translation>儲存機關設定</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="282"/>
        <source>What did you change, and why?</source>
        <translation>您變更了什麼？原因為何？</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="321"/>
        <source>Not saved: correct the fields marked.</source>
        <translation>未儲存：請修正標示的欄位。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="358"/>
        <source>Reset PIN</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="359"/>
        <source>Clear the PIN of %1? They cannot sign in until a new one is set.</source>
        <translation>要清除 %1 的密碼嗎？設定新密碼前無法登入。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="366"/>
        <source>PIN of %1 cleared.</source>
        <translation>已清除 %1 的密碼。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="371"/>
        <source>Nothing changed: no version made.</source>
        <translation>沒有變更：未建立新版本。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="373"/>
        <source>Saved as version %1.</source>
        <translation>已儲存為第 %1 版。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="387"/>
        <source>Changes undone.</source>
        <translation>已放棄變更。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="408"/>
        <source>Imported %1: save to make it the office.</source>
        <translation>已匯入 %1：儲存後才會成為機關設定。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="434"/>
        <source>Exported to %1.</source>
        <translation>已匯出至 %1。</translation>
    </message>
    <message>
        <location filename="../supervisor/office_tab.py" line="438"/>
        <source>Office file</source>
        <translation>機關設定檔</translation>
    </message>
</context>
<context>
    <name>Opinions</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="47"/>
        <source>Status page</source>
        <translation>號碼牌網頁</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="48"/>
        <source>Counter screen</source>
        <translation>櫃檯螢幕</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="49"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="50"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="51"/>
        <source>Letter</source>
        <translation>書信</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="52"/>
        <source>In person</source>
        <translation>臨櫃口頭</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="59"/>
        <source>Open</source>
        <translation>待處理</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="60"/>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="61"/>
        <source>Answered</source>
        <translation>已答覆</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="62"/>
        <source>Closed</source>
        <translation>已結案</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="69"/>
        <source>received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="70"/>
        <source>assigned</source>
        <translation>分派</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="71"/>
        <source>answered</source>
        <translation>答覆</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="72"/>
        <source>answer changed</source>
        <translation>修改答覆</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="73"/>
        <source>closed</source>
        <translation>結案</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="74"/>
        <source>contact details deleted</source>
        <translation>刪除聯絡方式</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="85"/>
        <source>Counter %1</source>
        <translation>%1 號櫃檯</translation>
    </message>
</context>
<context>
    <name>OpinionsTab</name>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="111"/>
        <source>Opinions received (period)</source>
        <translation>收件數（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="112"/>
        <source>Answered (period)</source>
        <translation>已答覆（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="113"/>
        <source>Median days to answer (period)</source>
        <translation>答覆天數中位數（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="114"/>
        <source>Answered within %1 days (period)</source>
        <translation>%1 日內答覆比例（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="115"/>
        <source>Unanswered after %1 days (period)</source>
        <translation>逾 %1 日未答覆（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="119"/>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="120"/>
        <source>Answer…</source>
        <translation>答覆…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="121"/>
        <source>Close</source>
        <translation>結案</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="122"/>
        <source>Record opinion…</source>
        <translation>登錄意見…</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="123"/>
        <source>Show closed</source>
        <translation>顯示已結案</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="138"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="174"/>
        <source>%1 not closed, %2 overdue. Double-click an opinion to read and answer it.</source>
        <translation>未結案 %1 件，逾期 %2 件。按兩下意見可閱讀並答覆。</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="179"/>
        <source>Reference</source>
        <translation>案號</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="180"/>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="181"/>
        <source>Age (days)</source>
        <translation>天數</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="182"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="183"/>
        <source>Assigned to</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="184"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="185"/>
        <source>About</source>
        <translation>相關服務</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="186"/>
        <source>Opinion</source>
        <translation>意見內容</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="202"/>
        <source>%1, overdue</source>
        <translation>%1，逾期</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="260"/>
        <source>Could not read the opinions: %1</source>
        <translation>無法讀取意見：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="288"/>
        <source>%1 is assigned to %2.</source>
        <translation>%1 已分派給 %2。</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="312"/>
        <source>The answer to %1 is recorded.</source>
        <translation>%1 的答覆已儲存。</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="320"/>
        <source>%1 is closed.</source>
        <translation>%1 已結案。</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="335"/>
        <source>Recorded as %1.</source>
        <translation>已登錄，案號 %1。</translation>
    </message>
    <message>
        <location filename="../supervisor/opinions_tab.py" line="355"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="196"/>
        <source>Record an opinion</source>
        <translation>登錄意見</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="200"/>
        <source>What the citizen said or wrote</source>
        <translation>民眾反映的內容</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="201"/>
        <source>Opinion</source>
        <translation>意見內容</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="207"/>
        <source>Received by</source>
        <translation>收件管道</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="210"/>
        <source>Only if the citizen wants an answer: phone or e-mail</source>
        <translation>民眾希望回覆時才填：電話或電子郵件</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="212"/>
        <source>Contact details</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="217"/>
        <source>About the service</source>
        <translation>相關服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="223"/>
        <source>About the counter</source>
        <translation>相關櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/opinion_dialogs.py" line="224"/>
        <source>Record</source>
        <translation>登錄</translation>
    </message>
</context>
<context>
    <name>RegisterCaseDialog</name>
    <message>
        <location filename="../ui/case_views.py" line="184"/>
        <source>Register a case</source>
        <translation>登錄案件</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="186"/>
        <source>&amp;Case number (required)</source>
        <translation>案件編號（必填）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="187"/>
        <source>Unified &amp;business number</source>
        <translation>統一編號(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="188"/>
        <source>Citizen&apos;s &amp;mobile or e-mail</source>
        <translation>民眾手機或電子郵件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="189"/>
        <source>&amp;Notices</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="190"/>
        <source>&amp;Service</source>
        <translation>業務(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="191"/>
        <source>&amp;Ticket number</source>
        <translation>號碼牌號碼(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="192"/>
        <source>Ticket&apos;s &amp;day</source>
        <translation>號碼牌日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="196"/>
        <source>Default: correction, decision and hand-over</source>
        <translation>預設：補正、核定與領件送達</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="197"/>
        <source>Pick-up notice only</source>
        <translation>只通知領件</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="198"/>
        <source>The ticket&apos;s service</source>
        <translation>依號碼牌的業務</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="199"/>
        <source>optional, 8 digits</source>
        <translation>選填，8 位數字</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="200"/>
        <source>optional, for notices only</source>
        <translation>選填，僅用於通知</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="201"/>
        <source>optional, e.g. A012</source>
        <translation>選填，例如 A012</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="205"/>
        <source>The mobile or e-mail is used only for the notices chosen, and deleted %1 days after the case closes.</source>
        <translation>手機或電子郵件僅用於所選的通知，並於結案 %1 天後刪除。</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="209"/>
        <source>&amp;Register</source>
        <translation>登錄(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="210"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="255"/>
        <source>Not registered: %1</source>
        <translation>未登錄：%1</translation>
    </message>
</context>
<context>
    <name>RulesSection</name>
    <message>
        <location filename="../supervisor/rules_section.py" line="124"/>
        <source>Office</source>
        <translation>機關</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="125"/>
        <source>Loudspeaker</source>
        <translation>叫號廣播</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="126"/>
        <source>Queue</source>
        <translation>排隊規則</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="127"/>
        <source>Ratings and opinions</source>
        <translation>評分與意見</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="128"/>
        <source>Appointments</source>
        <translation>預約</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="129"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="134"/>
        <source>Name (Chinese, English)</source>
        <translation>名稱（中文、英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="135"/>
        <source>Helpline</source>
        <translation>服務電話</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="136"/>
        <source>Status page address</source>
        <translation>號碼狀態頁網址</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="137"/>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="138"/>
        <source>Call (Chinese, English)</source>
        <translation>叫號語（中文、英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="139"/>
        <source>No-show after calls</source>
        <translation>叫號幾次未到視為未到</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="140"/>
        <source>Priority in a row</source>
        <translation>優先號連續叫號上限</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="141"/>
        <source>Appointments in a row</source>
        <translation>預約號連續叫號上限</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="142"/>
        <source>Usual handling minutes</source>
        <translation>一般辦理分鐘數</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="143"/>
        <source>Pause minutes</source>
        <translation>暫停分鐘數</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="144"/>
        <source>Notify when ahead</source>
        <translation>前面剩幾號時通知</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="145"/>
        <source>Rating days</source>
        <translation>可評分天數</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="146"/>
        <source>Answer within days</source>
        <translation>意見回覆期限（天）</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="147"/>
        <location filename="../supervisor/rules_section.py" line="148"/>
        <location filename="../supervisor/rules_section.py" line="151"/>
        <source>Keep contact days</source>
        <translation>聯絡資料保留天數</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="149"/>
        <source>Bookings per contact a day</source>
        <translation>每一聯絡方式每日預約上限</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="150"/>
        <source>Reminder hours before</source>
        <translation>提前幾小時提醒</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="154"/>
        <source>Shown to citizens for questions; may stay empty.</source>
        <translation>供民眾詢問的電話；可留空。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="155"/>
        <source>Each ticket&apos;s page; {token} is filled in per ticket.</source>
        <translation>每張號碼的狀態頁；{token} 會依號碼填入。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="156"/>
        <source>Set when the office was installed.</source>
        <translation>安裝時設定，此處不可修改。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="157"/>
        <source>{number} and {counter} are filled in.</source>
        <translation>{number}（號碼）與 {counter}（櫃檯）會自動填入。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="159"/>
        <source>A number called this often without anyone coming is marked absent.</source>
        <translation>叫號達此次數仍無人前來，即標示為未到。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="162"/>
        <source>Priority numbers called one after another before a regular number.</source>
        <translation>優先號連續叫號達此數後，改叫一般號碼。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="165"/>
        <source>Booked citizens called one after another before a walk-in.</source>
        <translation>預約民眾連續叫號達此數後，改叫現場取號者。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="168"/>
        <source>For waiting-time estimates before a counter has figures of its own.</source>
        <translation>櫃檯尚無自己的紀錄時，用來估計等候時間。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="171"/>
        <source>How long a paused counter is expected away; estimates count it back after.</source>
        <translation>櫃檯暫停預計離開的時間；超過後估計等候時再計入該櫃檯。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="174"/>
        <source>A citizen who left a phone or e-mail is told when this many are ahead.</source>
        <translation>留下電話或電子郵件的民眾，在前面剩此數時收到通知。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="177"/>
        <source>Days after the visit a citizen may still rate it; its status page closes then.</source>
        <translation>來辦後幾天內仍可評分；之後號碼狀態頁關閉。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="180"/>
        <source>An opinion not answered within this many days is shown as overdue.</source>
        <translation>意見超過此天數未回覆即顯示為逾期。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="183"/>
        <source>Days after an opinion is closed that the citizen&apos;s contact is deleted.</source>
        <translation>意見結案後經過此天數，刪除民眾的聯絡資料。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="186"/>
        <source>Days after the appointment that the contact left for reminders is deleted.</source>
        <translation>預約日後經過此天數，刪除為提醒留下的聯絡資料。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="189"/>
        <source>Bookings one phone number or e-mail may hold for one day.</source>
        <translation>同一電話或電子郵件一天最多可預約的筆數。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="191"/>
        <source>Hours before the appointment; 0: no reminder.</source>
        <translation>預約時間前幾小時提醒；0 表示不提醒。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="193"/>
        <source>Days after a case is handed over or closed that its contact is deleted.</source>
        <translation>案件領件或結案後經過此天數，刪除其聯絡資料。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="210"/>
        <source>The loudspeaker cannot read this: use {number} and {counter} only.</source>
        <translation>廣播無法讀出此句：只能使用 {number} 與 {counter}。</translation>
    </message>
    <message>
        <location filename="../supervisor/rules_section.py" line="215"/>
        <source>Number %1 at counter %2 is read out as: %3</source>
        <translation>%1 號到 %2 號櫃檯時廣播：%3</translation>
    </message>
</context>
<context>
    <name>SatisfactionTab</name>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="87"/>
        <source>Mean score (1–5 faces)</source>
        <translation>平均分數（1–5 分）</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="88"/>
        <source>Satisfied (4 or 5 faces)</source>
        <translation>滿意比例（4 或 5 分）</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="89"/>
        <location filename="../supervisor/satisfaction_tab.py" line="132"/>
        <location filename="../supervisor/satisfaction_tab.py" line="166"/>
        <source>Ratings</source>
        <translation>評分數</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="90"/>
        <source>Trend of the monthly mean</source>
        <translation>每月平均分數趨勢</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="95"/>
        <source>By service</source>
        <translation>依服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="96"/>
        <source>By counter</source>
        <translation>依櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="97"/>
        <source>By staff member</source>
        <translation>依承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="98"/>
        <source>By month</source>
        <translation>依月份</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="182"/>
        <source>What citizens wrote with their faces: %1 comments in this period, the newest visit first. The service, counter and staff filters do not apply here.</source>
        <translation>民眾評分時寫下的意見：本期間 %1 則，最新的服務在前。上方的服務、櫃檯與承辦人篩選不適用於本頁。</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="186"/>
        <source>Citizens rate a finished visit with 1 to 5 faces, at the counter or on the ticket&apos;s status page. Satisfied: 4 or 5 faces. The service, counter and staff filters do not apply here. Click a heading to sort.</source>
        <translation>民眾於服務完成後，在櫃檯或號碼牌網頁以 1 至 5 個表情評分；4 或 5 分為滿意。上方的服務、櫃檯與承辦人篩選不適用於本頁。按欄名可排序。</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="120"/>
        <source>No ratings in this period</source>
        <translation>本期間無評分</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="99"/>
        <source>Comments</source>
        <translation>評語</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="129"/>
        <source>Mean score by month</source>
        <translation>每月平均分數</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="130"/>
        <location filename="../supervisor/satisfaction_tab.py" line="167"/>
        <source>Mean score</source>
        <translation>平均分數</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="131"/>
        <source>Trend</source>
        <translation>趨勢</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="133"/>
        <source>faces</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="134"/>
        <source>ratings per month</source>
        <translation>每月評分數</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="143"/>
        <source>– (needs two months)</source>
        <translation>–（需兩個月以上）</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="145"/>
        <source>improving</source>
        <translation>改善中</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="146"/>
        <source>worsening</source>
        <translation>下降中</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="147"/>
        <source>steady</source>
        <translation>持平</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="150"/>
        <source>%1 faces/month, %2</source>
        <translation>每月 %1 分，%2</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="168"/>
        <source>Satisfied</source>
        <translation>滿意比例</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="170"/>
        <source>Score %1</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="176"/>
        <source>Group</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="197"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="198"/>
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="199"/>
        <source>Counter</source>
        <translation>櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="200"/>
        <source>Staff member</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="201"/>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../supervisor/satisfaction_tab.py" line="202"/>
        <source>Comment</source>
        <translation>評語</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../supervisor/service_form.py" line="167"/>
        <source>Name (Chinese)</source>
        <translation>名稱（中文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="168"/>
        <source>Name (English)</source>
        <translation>名稱（英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="169"/>
        <source>Number prefix</source>
        <translation>號碼字首</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="170"/>
        <source>Processing time (Chinese)</source>
        <translation>處理期間（中文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="171"/>
        <source>Processing time (English)</source>
        <translation>處理期間（英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="172"/>
        <source>Fee (Chinese)</source>
        <translation>規費（中文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="173"/>
        <source>Fee (English)</source>
        <translation>規費（英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="174"/>
        <source>Handling minutes</source>
        <translation>辦理分鐘數</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="175"/>
        <source>Target wait (minutes)</source>
        <translation>目標等候（分鐘）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="176"/>
        <source>Daily cap (numbers)</source>
        <translation>每日號碼上限</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="177"/>
        <source>Procedure steps</source>
        <translation>辦理步驟</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="178"/>
        <source>Documents to bring</source>
        <translation>應備文件</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="182"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="182"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="185"/>
        <source>Note (Chinese)</source>
        <translation>備註（中文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_form.py" line="185"/>
        <source>Note (English)</source>
        <translation>備註（英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="94"/>
        <location filename="../supervisor/service_form.py" line="188"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="95"/>
        <location filename="../supervisor/service_form.py" line="189"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="96"/>
        <location filename="../supervisor/service_form.py" line="190"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="97"/>
        <location filename="../supervisor/service_form.py" line="191"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>ServiceRules</name>
    <message>
        <location filename="../supervisor/service_rules.py" line="122"/>
        <source>Citizens can book this service</source>
        <translation>民眾可預約此服務</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="123"/>
        <source>Numbers can be taken from the web</source>
        <translation>可在網路上取號</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="124"/>
        <source>A case is registered (handed in to follow)</source>
        <translation>登記案件（收件後追蹤）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="125"/>
        <source>Open for booking now (untick to pause bookings)</source>
        <translation>目前開放預約（取消勾選即暫停預約）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="127"/>
        <source>Days ahead bookable</source>
        <translation>可提前預約天數</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="128"/>
        <source>Cancel until (minutes before)</source>
        <translation>可取消至（前幾分鐘）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="129"/>
        <source>Slot minutes</source>
        <translation>每時段分鐘數</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="131"/>
        <source>Check in from (minutes before)</source>
        <translation>報到開始（前幾分鐘）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="134"/>
        <source>Check in until (minutes after)</source>
        <translation>報到截止（後幾分鐘）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="136"/>
        <source>Share of counter time kept</source>
        <translation>保留給預約的櫃檯時間比例</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="137"/>
        <source>A citizen checking in late</source>
        <translation>民眾逾時報到時</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="138"/>
        <source>Share of the daily cap</source>
        <translation>占每日號碼上限比例</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="139"/>
        <source>Check in within (minutes)</source>
        <translation>須在幾分鐘內報到</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="140"/>
        <source>Standard working days</source>
        <translation>標準處理工作天數</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="141"/>
        <source>Handling unit (Chinese, English)</source>
        <translation>承辦單位（中文、英文）</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="146"/>
        <source>as handling minutes</source>
        <translation>同辦理分鐘數</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="148"/>
        <source>0.3, or per hour: 09=0.5, 14=0.2</source>
        <translation>0.3，或逐小時：09=0.5, 14=0.2</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="149"/>
        <source>becomes a walk-in</source>
        <translation>改為現場號</translation>
    </message>
    <message>
        <location filename="../supervisor/service_rules.py" line="150"/>
        <source>is turned away</source>
        <translation>不受理</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <location filename="../supervisor/office_sections.py" line="262"/>
        <source>Staff</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="264"/>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="264"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="264"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="264"/>
        <source>Deputy</source>
        <translation>職務代理人</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="266"/>
        <source>Make deputy of the chosen</source>
        <translation>設為所選人員的代理人</translation>
    </message>
    <message>
        <location filename="../supervisor/office_sections.py" line="267"/>
        <source>Reset PIN of the chosen…</source>
        <translation>重設所選人員的密碼…</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="285"/>
        <source>Supervisor — statistics and reports</source>
        <translation>主管 — 統計與報表</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="286"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="287"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="290"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="291"/>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="292"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="293"/>
        <source>Past four weeks</source>
        <translation>最近四週</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="294"/>
        <source>First half of the year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="295"/>
        <source>Second half of the year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="296"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="297"/>
        <source>Custom dates</source>
        <translation>自訂日期</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="301"/>
        <source>Book for a caller…</source>
        <translation>代客預約…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="302"/>
        <location filename="../supervisor/window.py" line="659"/>
        <source>Service</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="303"/>
        <source>Counter</source>
        <translation>櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="304"/>
        <source>Staff</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="307"/>
        <source>Waiting now</source>
        <translation>目前等候人數</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="308"/>
        <source>Served today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="309"/>
        <source>Median wait (period)</source>
        <translation>等候中位數（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="310"/>
        <source>90% called within (period)</source>
        <translation>90% 於此時間內叫號（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="311"/>
        <source>Called within target wait (period)</source>
        <translation>目標時間內叫號比例（期間）</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="315"/>
        <source>Overview</source>
        <translation>總覽</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="316"/>
        <source>Tables</source>
        <translation>明細表</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="317"/>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="318"/>
        <source>Opinions</source>
        <translation>意見</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="319"/>
        <source>Estimates</source>
        <translation>預估等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="324"/>
        <source>Breakdown</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="327"/>
        <source>By service</source>
        <translation>依服務項目</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="328"/>
        <source>By counter</source>
        <translation>依櫃檯</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="329"/>
        <source>By staff member</source>
        <translation>依承辦人</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="330"/>
        <source>By day</source>
        <translation>依日期</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="331"/>
        <source>By weekday</source>
        <translation>依星期</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="332"/>
        <source>By hour of day</source>
        <translation>依時段</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="333"/>
        <source>Priority and ordinary</source>
        <translation>優先與一般</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="334"/>
        <source>Appointment or walk-in</source>
        <translation>預約或現場</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="335"/>
        <source>Bookings by day</source>
        <translation>預約（依日期）</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="336"/>
        <source>Bookings by service</source>
        <translation>預約（依服務項目）</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="342"/>
        <source>Wait: ticket issued → answered call. Handling: start → finish at a counter. Median and 90th percentile by nearest rank. Service level: share called within the service&apos;s target wait. An appointment that came early waits from its booked time; a late one counts as a walk-in. Times in minutes. Click a heading to sort.</source>
        <translation>等候：抽號至應答叫號。處理：櫃檯開始至完成。中位數與第 90 百分位採最近序位法。服務水準：於該服務目標等候時間內叫號之比例。預約者提早報到，等候自預約時間起算；逾時者計為現場。時間單位為分鐘。點選欄位標題可排序。</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="533"/>
        <source>Called within target wait, by service and arrival</source>
        <translation>目標時間內叫號比例：依服務項目與預約／現場</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="349"/>
        <source>Export CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="320"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="321"/>
        <source>Undelivered messages</source>
        <translation>未送達訊息</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="322"/>
        <source>Case processing time</source>
        <translation>案件處理時間</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="323"/>
        <source>Office settings</source>
        <translation>機關設定</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="350"/>
        <source>Export Excel</source>
        <translation>匯出 Excel</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="351"/>
        <source>PDF report</source>
        <translation>PDF 報告</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="352"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="353"/>
        <source>Today, live</source>
        <translation>今日即時</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="387"/>
        <location filename="../supervisor/window.py" line="611"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="423"/>
        <source>The period ends before it starts: check the dates.</source>
        <translation>期間結束日早於開始日：請檢查日期。</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="427"/>
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="454"/>
        <source>Could not read the ratings: %1</source>
        <translation>無法讀取評分：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="458"/>
        <source>Could not read the estimates&apos; accuracy: %1</source>
        <translation>無法讀取預估等候準確度：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="464"/>
        <source>Could not read the case figures: %1</source>
        <translation>無法讀取案件統計：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="479"/>
        <source>Tickets in the period: %1</source>
        <translation>期間內號碼數：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="481"/>
        <source>No tickets in this period.</source>
        <translation>此期間沒有號碼。</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="489"/>
        <source>Could not read the statistics: %1</source>
        <translation>無法讀取統計資料：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="498"/>
        <location filename="../supervisor/window.py" line="499"/>
        <location filename="../supervisor/window.py" line="559"/>
        <location filename="../supervisor/window.py" line="639"/>
        <location filename="../supervisor/window.py" line="666"/>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="503"/>
        <source>No tickets in this period</source>
        <translation>此期間沒有號碼</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="507"/>
        <location filename="../supervisor/window.py" line="572"/>
        <source>Median wait</source>
        <translation>等候中位數</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="508"/>
        <source>90th percentile wait</source>
        <translation>等候第 90 百分位</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="509"/>
        <location filename="../supervisor/window.py" line="546"/>
        <source>minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="516"/>
        <source>Arrivals and waiting by hour</source>
        <translation>各時段到達與等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="517"/>
        <source>Arrivals per day</source>
        <translation>每日平均到達</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="518"/>
        <source>tickets per day</source>
        <translation>每日號碼數</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="522"/>
        <source>Waiting by day</source>
        <translation>每日等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="534"/>
        <location filename="../supervisor/window.py" line="575"/>
        <source>Service level</source>
        <translation>服務水準</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="543"/>
        <source>Handling time by staff member</source>
        <translation>各承辦人處理時間</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="544"/>
        <location filename="../supervisor/window.py" line="576"/>
        <source>Median handling</source>
        <translation>處理中位數</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="545"/>
        <source>90th percentile handling</source>
        <translation>處理第 90 百分位</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="565"/>
        <source>Issued</source>
        <translation>發出</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="566"/>
        <location filename="../supervisor/window.py" line="598"/>
        <source>Served</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="567"/>
        <location filename="../supervisor/window.py" line="599"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="568"/>
        <location filename="../supervisor/window.py" line="600"/>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="569"/>
        <source>Removed at close</source>
        <translation>關櫃移除</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="570"/>
        <source>Transferred</source>
        <translation>轉送</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="571"/>
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="573"/>
        <source>90th pct. wait</source>
        <translation>等候 P90</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="574"/>
        <location filename="../supervisor/window.py" line="659"/>
        <source>Longest wait</source>
        <translation>最長等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="577"/>
        <source>90th pct. handling</source>
        <translation>處理 P90</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="578"/>
        <source>Utilisation</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="588"/>
        <location filename="../supervisor/window.py" line="612"/>
        <source>Group</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="595"/>
        <source>Booked</source>
        <translation>預約</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="596"/>
        <source>Checked in</source>
        <translation>準時報到</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="597"/>
        <source>Late (walk-in)</source>
        <translation>逾時改現場</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="601"/>
        <source>Not yet due</source>
        <translation>尚待報到</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="630"/>
        <source>Database unreachable, retrying: %1</source>
        <translation>無法連線資料庫，重試中：%1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="642"/>
        <source>Counters open: %1 of %2. Longest current wait: %3.</source>
        <translation>開放櫃檯：%1／%2。目前最長等候：%3。</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="648"/>
        <source>Bookings today: %1; checked in %2, late %3, served %4, no-show %5, cancelled %6.</source>
        <translation>今日預約 %1 筆：準時報到 %2，逾時 %3，已完成 %4，未到 %5，取消 %6。</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="659"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="659"/>
        <source>Counters</source>
        <translation>櫃檯數</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="691"/>
        <source>Save export</source>
        <translation>儲存匯出檔</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="712"/>
        <source>Exporting %1…</source>
        <translation>匯出 %1 中…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="741"/>
        <source>about %1 s left</source>
        <translation>約剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="741"/>
        <source>about %1 min left</source>
        <translation>約剩 %1 分鐘</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="776"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="779"/>
        <source>Export cancelled</source>
        <translation>已取消匯出</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="782"/>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
</context>
</TS>
