<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>SetupCheck</name>
    <message>
        <location filename="../setup/checks.py" line="65"/>
        <source>database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="73"/>
        <source>connected (SQLite: one PC only, no logins)</source>
        <translation>已連線（SQLite：只限一台電腦，沒有各角色的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="85"/>
        <source>database: cannot connect: %1</source>
        <translation>資料庫：無法連線：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="94"/>
        <source>connected as %1; the server has no %2 login (counterdesk db roles makes the least-privilege logins)</source>
        <translation>已用 %1 連線；伺服器上沒有 %2 登入帳號（counterdesk db roles 會建立最小權限的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="105"/>
        <source>connected as %1, this role&apos;s own login</source>
        <translation>已用 %1 連線，這是此角色自己的登入帳號</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="110"/>
        <source>connected as %1; this role should use its own login %2</source>
        <translation>已用 %1 連線；此角色應改用自己的登入帳號 %2</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="133"/>
        <source>USB printers are not listed: pyusb is not installed</source>
        <translation>未列出 USB 印表機：尚未安裝 pyusb</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="140"/>
        <source>USB printers are not listed: %1</source>
        <translation>未列出 USB 印表機：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="159"/>
        <source>printer: none chosen, nothing to print</source>
        <translation>印表機：尚未選擇，無從列印</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="166"/>
        <source>printer %1: %2 (%3)</source>
        <translation>印表機 %1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="172"/>
        <source>test ticket sent to %1 (%2 × %3 dots)</source>
        <translation>測試號碼牌已送到 %1（%2 × %3 點）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="196"/>
        <source>voices: %1 (%2)</source>
        <translation>語音：%2（%1）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="202"/>
        <source>said: %1 (%2 s)</source>
        <translation>已播報：%1（%2 秒）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="211"/>
        <source>test e-mail: %1 is not an e-mail address</source>
        <translation>測試信：%1 不是電子郵件地址</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="217"/>
        <source>notify: %1</source>
        <translation>通知設定：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="220"/>
        <source>no e-mail channel to try</source>
        <translation>沒有可試的電子郵件管道</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="240"/>
        <source>test e-mail not sent: %1</source>
        <translation>測試信未寄出：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="242"/>
        <source>test e-mail sent to %1</source>
        <translation>測試信已寄到 %1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="152"/>
        <source>done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="155"/>
        <source>not done: %1 (%2): run it yourself in a terminal of this user&apos;s desktop session</source>
        <translation>未完成：%1（%2）：請在此使用者桌面工作階段的終端機自行執行</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="164"/>
        <source>on: Windows runs the Startup folder&apos;s files at each sign-in</source>
        <translation>已啟用：Windows 每次登入時都會執行「啟動」資料夾裡的檔案</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="175"/>
        <source>after a power cut, with no one logged in: run  %1</source>
        <translation>停電後無人登入也要啟動：請執行  %1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="181"/>
        <source>after a power cut: turn on automatic login for this user in the desktop&apos;s settings; the window starts with the desktop session</source>
        <translation>停電後自動恢復：請在桌面設定中為此使用者開啟自動登入；視窗會隨桌面工作階段啟動</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="188"/>
        <source>after a power cut: turn on automatic login for this user</source>
        <translation>停電後自動恢復：請為此使用者開啟自動登入</translation>
    </message>
    <message>
        <location filename="../setup/install.py" line="29"/>
        <source>the settings file that was there is kept as %1</source>
        <translation>原有的設定檔已保留為 %1</translation>
    </message>
    <message>
        <location filename="../setup/install.py" line="31"/>
        <source>settings written to %1</source>
        <translation>設定已寫入 %1</translation>
    </message>
    <message>
        <location filename="../setup/install.py" line="34"/>
        <source>start at login: %1</source>
        <translation>登入時啟動：%1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../setup_wizard/wizard.py" line="68"/>
        <source>Kiosk (tickets)</source>
        <translation>取號機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="69"/>
        <source>Counter console</source>
        <translation>櫃檯操作台</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="70"/>
        <source>Display board</source>
        <translation>叫號看板</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="71"/>
        <source>Rating screen</source>
        <translation>評分螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="72"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="73"/>
        <location filename="../setup_wizard/wizard.py" line="222"/>
        <source>Web status server</source>
        <translation>網頁查詢伺服器</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="74"/>
        <source>Notifier (SMS and e-mail)</source>
        <translation>通知服務（簡訊與電子郵件）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="80"/>
        <source>E-mail through an SMTP server</source>
        <translation>經 SMTP 郵件伺服器寄電子郵件</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="81"/>
        <source>Write the messages to a file (testing)</source>
        <translation>把訊息寫入檔案（測試用）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="122"/>
        <source>Set up this PC</source>
        <translation>設定這台電腦</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="144"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="144"/>
        <source>What does this PC do in the office?</source>
        <translation>這台電腦在辦公室裡做什麼？</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="150"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="151"/>
        <source>&amp;Counter number:</source>
        <translation>櫃檯號碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="157"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="158"/>
        <source>The office&apos;s database on the server, and this role&apos;s login.</source>
        <translation>伺服器上的辦公室資料庫，以及此角色的登入帳號。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="162"/>
        <source>&amp;Test the connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="169"/>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="177"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="178"/>
        <source>The kiosk&apos;s ticket printer; type network:HOST:9100 for one on the network.</source>
        <translation>取號機的號碼牌印表機；網路印表機請輸入 network:主機:9100。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="186"/>
        <source>&amp;Print a test ticket</source>
        <translation>列印測試號碼牌(&amp;P)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="189"/>
        <source>Prin&amp;ter:</source>
        <translation>印表機(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="196"/>
        <source>Voices</source>
        <translation>語音</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="196"/>
        <source>The voices that call numbers, in Mandarin and in English.</source>
        <translation>叫號用的華語與英語語音。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="211"/>
        <source>&amp;Speak a test call</source>
        <translation>播放測試叫號(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="214"/>
        <source>&amp;Mandarin voice:</source>
        <translation>華語語音(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="215"/>
        <source>&amp;English voice:</source>
        <translation>英語語音(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="216"/>
        <source>&amp;Words per minute:</source>
        <translation>每分鐘字數(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="223"/>
        <source>Where citizens&apos; phones reach the ticket status pages.</source>
        <translation>民眾手機連到號碼牌狀態網頁的位址。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="230"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="241"/>
        <source>Listen on &amp;address:</source>
        <translation>接聽位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="242"/>
        <source>&amp;Port:</source>
        <translation>連接埠(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="243"/>
        <source>&amp;Trusted proxy:</source>
        <translation>信任的代理(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="250"/>
        <source>Notifier</source>
        <translation>通知發送</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="251"/>
        <source>How the notifier sends citizens&apos; e-mails; its login stays in this PC&apos;s file.</source>
        <translation>通知程式如何寄信給民眾；登入資料只存在本機的設定檔。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="274"/>
        <source>Send a test &amp;e-mail</source>
        <translation>寄一封測試信(&amp;E)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="277"/>
        <source>&amp;Send by:</source>
        <translation>寄送方式(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="278"/>
        <source>SMTP ser&amp;ver:</source>
        <translation>SMTP 伺服器(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="284"/>
        <source>Fi&amp;le:</source>
        <translation>檔案(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="279"/>
        <source>Se&amp;curity:</source>
        <translation>加密方式(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="232"/>
        <source>the notifier&apos;s, if e-mails are sent</source>
        <translation>通知程式的金鑰（有寄電子郵件時）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="236"/>
        <source>0.0.0.0 listens on every network of this PC. Give the reverse proxy&apos;s IP address only if one (for HTTPS) stands in front, and the notifier&apos;s opt-out link key (its settings file&apos;s link_secret) if it sends e-mails.</source>
        <translation>0.0.0.0 表示在本機所有網路上接聽。只有前面另有反向代理（提供 HTTPS）時，才填它的 IP 位址；通知程式有寄電子郵件時，填它的退訂連結金鑰（它設定檔中的 link_secret）。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="244"/>
        <location filename="../setup_wizard/wizard.py" line="285"/>
        <source>Opt-out lin&amp;k key:</source>
        <translation>退訂連結金鑰(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="280"/>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="281"/>
        <source>&amp;Username:</source>
        <translation>帳號(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="282"/>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="283"/>
        <source>&amp;From address:</source>
        <translation>寄件人地址(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="286"/>
        <source>Test e-mail &amp;to:</source>
        <translation>測試信收件人(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="312"/>
        <source>Screen and start</source>
        <translation>螢幕與啟動</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="312"/>
        <source>How the window shows, and starting at login.</source>
        <translation>視窗的顯示方式，以及登入時啟動。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="314"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="322"/>
        <source>The main screen</source>
        <translation>主螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="325"/>
        <source>&amp;Start in this role at login</source>
        <translation>登入時以此角色啟動(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="330"/>
        <source>Sc&amp;reen:</source>
        <translation>螢幕(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="331"/>
        <source>Window si&amp;ze:</source>
        <translation>視窗大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="332"/>
        <source>Staff &amp;language:</source>
        <translation>員工介面語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="395"/>
        <location filename="../setup_wizard/wizard.py" line="485"/>
        <source>Problem: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="424"/>
        <source>&amp;Use the login %1</source>
        <translation>改用登入帳號 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="475"/>
        <source>Trying…</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="498"/>
        <source>%1 exists: Finish replaces it and keeps the old one as a backup.</source>
        <translation>%1 已存在：按「完成」會取代它，並將舊檔保留為備份。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="503"/>
        <source>Finish writes %1.</source>
        <translation>按「完成」會寫入 %1。</translation>
    </message>
</context>
</TS>
