<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../counter/window.py" line="55"/>
        <source>Call next</source>
        <translation>叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="56"/>
        <source>Recall</source>
        <translation>重新叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="57"/>
        <source>Start service</source>
        <translation>開始辦理</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="58"/>
        <source>Finish</source>
        <translation>辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="59"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="60"/>
        <source>Transfer…</source>
        <translation>轉送…</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="61"/>
        <source>Call selected</source>
        <translation>指定叫號</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="62"/>
        <source>Return to queue</source>
        <translation>回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="63"/>
        <source>Break</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="64"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="66"/>
        <source>Resume</source>
        <translation>恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="67"/>
        <source>Nobody is waiting for this counter</source>
        <translation>本櫃檯目前無人等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="68"/>
        <source>Not done: the database is out of reach. Try again.</source>
        <translation>未完成：資料庫無法連線，請再試一次。</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="70"/>
        <source>{staff} is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>{staff} 的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="75"/>
        <source>This counter is locked after too many wrong PINs: try again in {minutes} min {seconds} s, or ask a supervisor to unlock it</source>
        <translation>本櫃檯的密碼錯誤次數過多，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管解除鎖定</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="80"/>
        <source>A wrong PIN was just entered: try again in {seconds} s</source>
        <translation>剛才輸入的密碼錯誤：請於 {seconds} 秒後再試</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="247"/>
        <source>counterdesk — counter {0}</source>
        <translation>counterdesk — {0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="249"/>
        <source>Counter {0}</source>
        <translation>{0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="255"/>
        <source>Serves: </source>
        <translation>辦理業務：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="256"/>
        <source>Waiting for this counter</source>
        <translation>本櫃檯等候中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="257"/>
        <source>No-shows (F8 puts the selected one back in the queue)</source>
        <translation>未到號碼（按 F8 將選取的號碼回到等候）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="258"/>
        <source>Keys here</source>
        <translation>鍵盤在此</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="327"/>
        <source>Database out of reach: retrying, and catching up when it is back. ({0})</source>
        <translation>資料庫連線中斷：重試中，恢復連線後自動更新。（{0}）</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="356"/>
        <source>Signed in: </source>
        <translation>承辦人員：</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="358"/>
        <source>Nobody signed in</source>
        <translation>尚無人員登入</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="360"/>
        <source>ON BREAK</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="362"/>
        <source>OPEN</source>
        <translation>服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="364"/>
        <source>CLOSED</source>
        <translation>未開放</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="478"/>
        <source>Signed in as {staff}</source>
        <translation>已登入：{staff}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="482"/>
        <location filename="../counter/window.py" line="537"/>
        <source>Called {number}</source>
        <translation>已叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="488"/>
        <source>Called {number} again</source>
        <translation>已重新叫號 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="494"/>
        <source>Serving {number}</source>
        <translation>開始辦理 {number}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="500"/>
        <source>Finished {number}</source>
        <translation>{number} 辦理完成</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="506"/>
        <source>{number} marked as no-show</source>
        <translation>{number} 已登記未到</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="519"/>
        <source>{number} transferred to {service}</source>
        <translation>{number} 已轉送至 {service}</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="529"/>
        <source>Transfer</source>
        <translation>轉送</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="529"/>
        <source>Transfer to which service?</source>
        <translation>轉送至哪一項業務？</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="547"/>
        <source>{number} is back in the queue</source>
        <translation>{number} 已回到等候</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="554"/>
        <source>Counter open again</source>
        <translation>櫃檯恢復服務</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="559"/>
        <source>On break</source>
        <translation>暫停服務中</translation>
    </message>
    <message>
        <location filename="../counter/window.py" line="565"/>
        <source>Signed out</source>
        <translation>已登出</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../counter/panels.py" line="87"/>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位數字</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="88"/>
        <source>Sign in  (Enter)</source>
        <translation>登入（Enter）</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="89"/>
        <source>Staff member</source>
        <translation>員工代號</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="90"/>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="91"/>
        <source>Sign in to open this counter</source>
        <translation>請登入以開啟本櫃檯</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <location filename="../counter/panels.py" line="127"/>
        <location filename="../counter/panels.py" line="131"/>
        <source>Documents to check</source>
        <translation>應備文件檢核</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="142"/>
        <source>On break: resume to call</source>
        <translation>暫停服務中：恢復服務後才能叫號</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="142"/>
        <source>No ticket here</source>
        <translation>目前無辦理中的號碼</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="150"/>
        <source>  ·  PRIORITY 優先</source>
        <translation>  ·  優先</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="155"/>
        <source>Called ({0}×): waiting for the citizen</source>
        <translation>已叫號（{0} 次）：等候民眾前來</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="159"/>
        <source>Being served</source>
        <translation>辦理中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="161"/>
        <source>Fee: {0}  {1}</source>
        <translation>規費：{0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="179"/>
        <source>Waited {0} before the call</source>
        <translation>叫號前等候 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="184"/>
        <source>Serving for {0}</source>
        <translation>已辦理 {0}</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="184"/>
        <source>Called {0} ago</source>
        <translation>叫號後經過 {0}</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../counter/panels.py" line="215"/>
        <location filename="../counter/panels.py" line="219"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="215"/>
        <location filename="../counter/panels.py" line="219"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="230"/>
        <source>{0} waiting</source>
        <translation>{0} 人等候中</translation>
    </message>
    <message>
        <location filename="../counter/panels.py" line="233"/>
        <source>  優先 priority</source>
        <translation>  優先</translation>
    </message>
</context>
</TS>
