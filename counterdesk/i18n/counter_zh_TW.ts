<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../ui/case_views.py" line="417"/>
        <source>Case &amp;number</source>
        <translation>案件編號(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="418"/>
        <source>&amp;Look up</source>
        <translation>查詢(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="419"/>
        <source>Move to (Alt and the digit):</source>
        <translation>移至（Alt 加數字鍵）：</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="421"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="421"/>
        <source>From</source>
        <translation>原階段</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="421"/>
        <source>To</source>
        <translation>新階段</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="421"/>
        <source>By and note</source>
        <translation>經辦與備註</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="466"/>
        <source>Service: %1</source>
        <translation>業務：%1</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="469"/>
        <source>Received %1, expected by %2</source>
        <translation>收件 %1，預計 %2 前完成</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="474"/>
        <source>Overdue: not decided by its expected date</source>
        <translation>逾期：預計完成日前未核定</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="477"/>
        <source>Missing: %1 (by %2)</source>
        <translation>待補：%1（%2 前）</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="482"/>
        <source>Notices to the citizen: %1</source>
        <translation>通知民眾：%1</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="488"/>
        <source>none (no contact left)</source>
        <translation>無（未留聯絡方式）</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="513"/>
        <source>Closed: no more moves.</source>
        <translation>已結案，無後續階段。</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="550"/>
        <source>%1 moved to %2</source>
        <translation>%1 已移至 %2</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <location filename="../counter/case_dialogs.py" line="34"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../counter/window.py" line="66"/>
        <source>Call next</source>
        <translation>叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="67"/>
        <source>Recall</source>
        <translation>重新叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="68"/>
        <source>Start service</source>
        <translation>開始辦理</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="69"/>
        <source>Finish</source>
        <translation>辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="70"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="71"/>
        <source>Transfer…</source>
        <translation>轉送…</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="72"/>
        <source>Call selected</source>
        <translation>指定叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="73"/>
        <source>Return to queue</source>
        <translation>回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="74"/>
        <source>Break</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="77"/>
        <source>Finish, register case…</source>
        <translation>完成並登錄案件…</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="78"/>
        <source>Cases…</source>
        <translation>案件…</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="79"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="81"/>
        <source>Resume</source>
        <translation>恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="82"/>
        <source>Nobody is waiting for this counter</source>
        <translation>本櫃檯目前無人等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="83"/>
        <source>Not done: the database is out of reach. Try again.</source>
        <translation>未完成：資料庫無法連線，請再試一次。</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="85"/>
        <source>{staff} is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>{staff} 的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="90"/>
        <source>This counter is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>本櫃檯的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="95"/>
        <source>A wrong PIN was just entered: try again in {seconds} s</source>
        <translation>剛才輸入的密碼錯誤：請於 {seconds} 秒後再試</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="265"/>
        <source>counterdesk — counter {0}</source>
        <translation>counterdesk — {0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="267"/>
        <source>Counter {0}</source>
        <translation>{0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="273"/>
        <source>Serves: </source>
        <translation>辦理業務：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="274"/>
        <source>Waiting for this counter</source>
        <translation>本櫃檯等候中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="275"/>
        <source>No-shows (F8 puts the selected one back in the queue)</source>
        <translation>未到號碼（按 F8 將選取的號碼回到等候）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="276"/>
        <source>Keys here</source>
        <translation>鍵盤在此</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="355"/>
        <source>Database out of reach: retrying, and catching up when it is back. ({0})</source>
        <translation>資料庫連線中斷：重試中，恢復連線後自動更新。（{0}）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="384"/>
        <source>Signed in: </source>
        <translation>承辦人員：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="386"/>
        <source>Nobody signed in</source>
        <translation>尚無人員登入</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="388"/>
        <source>ON BREAK</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="390"/>
        <source>OPEN</source>
        <translation>服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="392"/>
        <source>CLOSED</source>
        <translation>未開放</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="509"/>
        <source>Signed in as {staff}</source>
        <translation>已登入：{staff}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="513"/>
        <location filename="../counter/window.py" line="624"/>
        <source>Called {number}</source>
        <translation>已叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="519"/>
        <source>Called {number} again</source>
        <translation>已重新叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="525"/>
        <source>Serving {number}</source>
        <translation>開始辦理 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="531"/>
        <source>Finished {number}</source>
        <translation>{number} 辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="552"/>
        <source>Finish %1 and register the application it handed in</source>
        <translation>完成 %1 並登錄其送件案件</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="567"/>
        <source>Finished: no case registered yet</source>
        <translation>已完成：尚未登錄案件</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="573"/>
        <source>Finished; case {case} registered</source>
        <translation>已完成；案件 {case} 已登錄</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="593"/>
        <source>{number} marked as no-show</source>
        <translation>{number} 已登記未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="606"/>
        <source>{number} transferred to {service}</source>
        <translation>{number} 已轉送至 {service}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="616"/>
        <source>Transfer</source>
        <translation>轉送</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="616"/>
        <source>Transfer to which service?</source>
        <translation>轉送至哪一項業務？</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="634"/>
        <source>{number} is back in the queue</source>
        <translation>{number} 已回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="641"/>
        <source>Counter open again</source>
        <translation>櫃檯恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="646"/>
        <source>On break</source>
        <translation>暫停服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="652"/>
        <source>Signed out</source>
        <translation>已登出</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../ui/case_views.py" line="347"/>
        <source>Correction needed</source>
        <translation>通知補正</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="348"/>
        <source>What is &amp;missing</source>
        <translation>待補文件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="349"/>
        <source>To correct &amp;by</source>
        <translation>補正期限(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="353"/>
        <source>Say what is missing.</source>
        <translation>請填寫待補文件。</translation>
    </message>
</context>
<context>
    <name>RegisterCaseDialog</name>
    <message>
        <location filename="../ui/case_views.py" line="182"/>
        <source>Register a case</source>
        <translation>登錄案件</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="184"/>
        <source>&amp;Case number (required)</source>
        <translation>案件編號（必填）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="185"/>
        <source>Unified &amp;business number</source>
        <translation>統一編號(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="186"/>
        <source>Citizen&apos;s &amp;mobile or e-mail</source>
        <translation>民眾手機或電子郵件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="187"/>
        <source>&amp;Notices</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="188"/>
        <source>&amp;Service</source>
        <translation>業務(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="189"/>
        <source>&amp;Ticket number</source>
        <translation>號碼牌號碼(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="190"/>
        <source>Ticket&apos;s &amp;day</source>
        <translation>號碼牌日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="194"/>
        <source>Default: correction, decision and hand-over</source>
        <translation>預設：補正、核定與領件送達</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="195"/>
        <source>Pick-up notice only</source>
        <translation>只通知領件</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="196"/>
        <source>The ticket&apos;s service</source>
        <translation>依號碼牌的業務</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="197"/>
        <source>optional, 8 digits</source>
        <translation>選填，8 位數字</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="198"/>
        <source>optional, for notices only</source>
        <translation>選填，僅用於通知</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="199"/>
        <source>optional, e.g. A012</source>
        <translation>選填，例如 A012</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="203"/>
        <source>The mobile or e-mail is used only for the notices chosen, and deleted %1 days after the case closes.</source>
        <translation>手機或電子郵件僅用於所選的通知，並於結案 %1 天後刪除。</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="207"/>
        <source>&amp;Register</source>
        <translation>登錄(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="208"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../ui/case_views.py" line="253"/>
        <source>Not registered: %1</source>
        <translation>未登錄：%1</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../counter/panels.py" line="96"/>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位數字</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="97"/>
        <source>Sign in  (Enter)</source>
        <translation>登入（Enter）</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="98"/>
        <source>Staff member</source>
        <translation>員工代號</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="99"/>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="100"/>
        <source>Sign in to open this counter</source>
        <translation>請登入以開啟本櫃檯</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <location filename="../counter/panels.py" line="146"/>
        <location filename="../counter/panels.py" line="150"/>
        <source>Documents to check</source>
        <translation>應備文件檢核</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="161"/>
        <source>On break: resume to call</source>
        <translation>暫停服務中：恢復服務後才能叫號</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="161"/>
        <source>No ticket here</source>
        <translation>目前無辦理中的號碼</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="170"/>
        <source>  ·  PRIORITY 優先</source>
        <translation>  ·  優先</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="177"/>
        <source>Called ({0}×): waiting for the citizen</source>
        <translation>已叫號（{0} 次）：等候民眾前來</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="181"/>
        <source>Being served</source>
        <translation>辦理中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="183"/>
        <source>Fee: {0}  {1}</source>
        <translation>規費：{0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="199"/>
        <source>Appointment {0}</source>
        <translation>預約 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="204"/>
        <source>{0} min late</source>
        <translation>遲到 {0} 分</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="206"/>
        <source>{0} min early</source>
        <translation>提早 {0} 分</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="208"/>
        <source>on time</source>
        <translation>準時</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="218"/>
        <source>Waited {0} before the call</source>
        <translation>叫號前等候 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="223"/>
        <source>Serving for {0}</source>
        <translation>已辦理 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="223"/>
        <source>Called {0} ago</source>
        <translation>叫號後經過 {0}</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../counter/panels.py" line="254"/>
        <location filename="../counter/panels.py" line="258"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="254"/>
        <location filename="../counter/panels.py" line="258"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="269"/>
        <source>{0} waiting</source>
        <translation>{0} 人等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="275"/>
        <source>  優先 priority</source>
        <translation>  優先</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="277"/>
        <source>  Appointment {0}</source>
        <translation>  預約 {0}</translation>
    </message>
</context>
</TS>
