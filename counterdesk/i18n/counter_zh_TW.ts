<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../counter/window.py" line="63"/>
        <source>Call next</source>
        <translation>叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="64"/>
        <source>Recall</source>
        <translation>重新叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="65"/>
        <source>Start service</source>
        <translation>開始辦理</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="66"/>
        <source>Finish</source>
        <translation>辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="67"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="68"/>
        <source>Transfer…</source>
        <translation>轉送…</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="69"/>
        <source>Call selected</source>
        <translation>指定叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="70"/>
        <source>Return to queue</source>
        <translation>回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="71"/>
        <source>Break</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="72"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="74"/>
        <source>Resume</source>
        <translation>恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="75"/>
        <source>Nobody is waiting for this counter</source>
        <translation>本櫃檯目前無人等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="76"/>
        <source>Not done: the database is out of reach. Try again.</source>
        <translation>未完成：資料庫無法連線，請再試一次。</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="78"/>
        <source>{staff} is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>{staff} 的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="83"/>
        <source>This counter is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>本櫃檯的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="88"/>
        <source>A wrong PIN was just entered: try again in {seconds} s</source>
        <translation>剛才輸入的密碼錯誤：請於 {seconds} 秒後再試</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="255"/>
        <source>counterdesk — counter {0}</source>
        <translation>counterdesk — {0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="257"/>
        <source>Counter {0}</source>
        <translation>{0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="263"/>
        <source>Serves: </source>
        <translation>辦理業務：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="264"/>
        <source>Waiting for this counter</source>
        <translation>本櫃檯等候中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="265"/>
        <source>No-shows (F8 puts the selected one back in the queue)</source>
        <translation>未到號碼（按 F8 將選取的號碼回到等候）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="266"/>
        <source>Keys here</source>
        <translation>鍵盤在此</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="345"/>
        <source>Database out of reach: retrying, and catching up when it is back. ({0})</source>
        <translation>資料庫連線中斷：重試中，恢復連線後自動更新。（{0}）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="374"/>
        <source>Signed in: </source>
        <translation>承辦人員：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="376"/>
        <source>Nobody signed in</source>
        <translation>尚無人員登入</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="378"/>
        <source>ON BREAK</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="380"/>
        <source>OPEN</source>
        <translation>服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="382"/>
        <source>CLOSED</source>
        <translation>未開放</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="495"/>
        <source>Signed in as {staff}</source>
        <translation>已登入：{staff}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="499"/>
        <location filename="../counter/window.py" line="554"/>
        <source>Called {number}</source>
        <translation>已叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="505"/>
        <source>Called {number} again</source>
        <translation>已重新叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="511"/>
        <source>Serving {number}</source>
        <translation>開始辦理 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="517"/>
        <source>Finished {number}</source>
        <translation>{number} 辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="523"/>
        <source>{number} marked as no-show</source>
        <translation>{number} 已登記未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="536"/>
        <source>{number} transferred to {service}</source>
        <translation>{number} 已轉送至 {service}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="546"/>
        <source>Transfer</source>
        <translation>轉送</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="546"/>
        <source>Transfer to which service?</source>
        <translation>轉送至哪一項業務？</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="564"/>
        <source>{number} is back in the queue</source>
        <translation>{number} 已回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="571"/>
        <source>Counter open again</source>
        <translation>櫃檯恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="576"/>
        <source>On break</source>
        <translation>暫停服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="582"/>
        <source>Signed out</source>
        <translation>已登出</translation>
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
        <location filename="../counter/panels.py" line="169"/>
        <source>  ·  PRIORITY 優先</source>
        <translation>  ·  優先</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="176"/>
        <source>Called ({0}×): waiting for the citizen</source>
        <translation>已叫號（{0} 次）：等候民眾前來</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="180"/>
        <source>Being served</source>
        <translation>辦理中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="182"/>
        <source>Fee: {0}  {1}</source>
        <translation>規費：{0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="198"/>
        <source>Appointment {0}</source>
        <translation>預約 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="203"/>
        <source>{0} min late</source>
        <translation>遲到 {0} 分</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="205"/>
        <source>{0} min early</source>
        <translation>提早 {0} 分</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="207"/>
        <source>on time</source>
        <translation>準時</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="217"/>
        <source>Waited {0} before the call</source>
        <translation>叫號前等候 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="222"/>
        <source>Serving for {0}</source>
        <translation>已辦理 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="222"/>
        <source>Called {0} ago</source>
        <translation>叫號後經過 {0}</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../counter/panels.py" line="253"/>
        <location filename="../counter/panels.py" line="257"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="253"/>
        <location filename="../counter/panels.py" line="257"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="268"/>
        <source>{0} waiting</source>
        <translation>{0} 人等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="274"/>
        <source>  優先 priority</source>
        <translation>  優先</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="276"/>
        <source>  Appointment {0}</source>
        <translation>  預約 {0}</translation>
    </message>
</context>
</TS>
