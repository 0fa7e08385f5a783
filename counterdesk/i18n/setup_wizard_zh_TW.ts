<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>SetupCheck</name>
    <message>
        <location filename="../setup/checks.py" line="61"/>
        <source>database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="69"/>
        <source>connected (SQLite: one PC only, no logins)</source>
        <translation>已連線（SQLite：只限一台電腦，沒有各角色的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="81"/>
        <source>database: cannot connect: %1</source>
        <translation>資料庫：無法連線：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="90"/>
        <source>connected as %1; the server has no %2 login (counterdesk db roles makes the least-privilege logins)</source>
        <translation>已用 %1 連線；伺服器上沒有 %2 登入帳號（counterdesk db roles 會建立最小權限的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="101"/>
        <source>connected as %1, this role&apos;s own login</source>
        <translation>已用 %1 連線，這是此角色自己的登入帳號</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="106"/>
        <source>connected as %1; this role should use its own login %2</source>
        <translation>已用 %1 連線；此角色應改用自己的登入帳號 %2</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="129"/>
        <source>USB printers are not listed: pyusb is not installed</source>
        <translation>未列出 USB 印表機：尚未安裝 pyusb</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="136"/>
        <source>USB printers are not listed: %1</source>
        <translation>未列出 USB 印表機：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="155"/>
        <source>printer: none chosen, nothing to print</source>
        <translation>印表機：尚未選擇，無從列印</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="162"/>
        <source>printer %1: %2 (%3)</source>
        <translation>印表機 %1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="168"/>
        <source>test ticket sent to %1 (%2 × %3 dots)</source>
        <translation>測試號碼牌已送到 %1（%2 × %3 點）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="192"/>
        <source>voices: %1 (%2)</source>
        <translation>語音：%2（%1）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="198"/>
        <source>said: %1 (%2 s)</source>
        <translation>已播報：%1（%2 秒）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="56"/>
        <source>%1: holds a character that is not text (is the terminal not UTF-8?)</source>
        <translation>%1：含有不是文字的字元（終端機不是 UTF-8 嗎？）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="157"/>
        <source>screen: %1 is no screen; screens are numbered from 1, or give a screen&apos;s name</source>
        <translation>螢幕：%1 不是螢幕；螢幕從 1 起編號，或請填螢幕名稱</translation>
    </message>
    <message>
        <location filename="../setup/settings_file.py" line="113"/>
        <source>settings file: an answer holds a character that is not text; %1 is kept</source>
        <translation>設定檔：有一項回答含有不是文字的字元；%1 維持原樣</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="207"/>
        <source>test e-mail: %1 is not an e-mail address</source>
        <translation>測試信：%1 不是電子郵件地址</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="54"/>
        <source>notify: %1</source>
        <translation>通知設定有誤：%1</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="88"/>
        <source>role: %1 is not a role (choose %2)</source>
        <translation>角色：%1 不是角色（請選 %2）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="92"/>
        <source>counter: a %1 PC needs its counter number (%2 to %3)</source>
        <translation>櫃檯：%1 電腦需要櫃檯號碼（%2 到 %3）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="99"/>
        <source>counter: a %1 PC serves no one counter; leave it out</source>
        <translation>櫃檯：%1 電腦不屬於某個櫃檯，請勿填寫</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="109"/>
        <source>printer: %1</source>
        <translation>印表機：%1</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="112"/>
        <source>printer: only the kiosk prints; a %1 PC has none</source>
        <translation>印表機：只有取號機會列印，%1 電腦沒有印表機</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="117"/>
        <source>%1: give a voice name (see counterdesk voice list)</source>
        <translation>%1：請填語音名稱（見 counterdesk voice list）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="123"/>
        <source>voice_rate: %1 is not 60 to 400 words per minute</source>
        <translation>語速：%1 不在每分鐘 60 到 400 字之間</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="128"/>
        <source>size: %1 is not WIDTHxHEIGHT, e.g. 1920x1080</source>
        <translation>視窗大小：%1 不是「寬x高」，例如 1920x1080</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="133"/>
        <source>language: %1 is not zh_TW or en</source>
        <translation>語言：%1 不是 zh_TW 或 en</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="138"/>
        <source>screen: a %1 PC&apos;s window is not full screen; leave it out</source>
        <translation>螢幕：%1 電腦的視窗不是全螢幕，請勿選擇</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="156"/>
        <source>web: only the web PC listens; a %1 PC has no address</source>
        <translation>網頁：只有網頁查詢伺服器會接受連線，%1 電腦沒有位址</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="165"/>
        <source>web port: %1 is not a port from 1 to 65535</source>
        <translation>網頁連接埠：%1 不是 1 到 65535 之間的連接埠</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="173"/>
        <source>trusted proxy: %1</source>
        <translation>信任的代理：%1</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="183"/>
        <source>notify: only the notifier sends; a %1 PC has none</source>
        <translation>通知：只有通知服務會寄送，%1 電腦沒有通知設定</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="197"/>
        <source>notify: the web PC takes only the notifier&apos;s link_secret</source>
        <translation>通知：網頁查詢伺服器只接受通知服務的 link_secret（退訂連結金鑰）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="204"/>
        <source>notify: give at least one channel (e-mail by SMTP, or a file)</source>
        <translation>通知：請至少設定一種寄送方式（以 SMTP 寄電子郵件，或寫入檔案）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="241"/>
        <source>database: %1 is not a database address, e.g. postgresql+psycopg://counterdesk_counter@server/counterdesk or sqlite:///C:/counterdesk/office.sqlite3</source>
        <translation>資料庫：%1 不是資料庫位址，例如 postgresql+psycopg://counterdesk_counter@server/counterdesk 或 sqlite:///C:/counterdesk/office.sqlite3</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="250"/>
        <source>database: %1 is not supported (PostgreSQL or SQLite)</source>
        <translation>資料庫：不支援 %1（請用 PostgreSQL 或 SQLite）</translation>
    </message>
    <message>
        <location filename="../setup/answers.py" line="262"/>
        <source>web address: %1 is not an IP address or a host name (0.0.0.0 listens on every network of this PC)</source>
        <translation>網頁位址：%1 不是 IP 位址或主機名稱（0.0.0.0 表示接受此電腦所有網路的連線）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="214"/>
        <source>no e-mail channel to try</source>
        <translation>沒有可試的電子郵件管道</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="234"/>
        <source>test e-mail not sent: %1</source>
        <translation>測試信未寄出：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="236"/>
        <source>test e-mail sent to %1</source>
        <translation>測試信已寄到 %1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="156"/>
        <source>start at login: %1 cannot be written (%2)</source>
        <translation>登入時啟動：無法寫入 %1（%2）</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="186"/>
        <source>done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="189"/>
        <source>not done: %1 (%2): run it yourself in a terminal of this user&apos;s desktop session</source>
        <translation>未完成：%1（%2）：請在此使用者桌面工作階段的終端機自行執行</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="198"/>
        <source>on: Windows runs the Startup folder&apos;s files at each sign-in</source>
        <translation>已啟用：Windows 每次登入時都會執行「啟動」資料夾裡的檔案</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="206"/>
        <source>on: the desktop runs the autostart folder&apos;s files at each login</source>
        <translation>已啟用：桌面環境每次登入時都會執行 autostart（自動啟動）資料夾裡的檔案</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="217"/>
        <source>after a power cut, with no one logged in: run  %1</source>
        <translation>停電後無人登入也要啟動：請執行  %1</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="223"/>
        <source>after a power cut the window starts only with automatic login: turn it on for %1 (GNOME: Settings &gt; Users; KDE: Login Screen; XFCE, LXDE, MATE: autologin-user=%1 in /etc/lightdm/lightdm.conf)</source>
        <translation>停電後須自動登入視窗才會開啟：請為 %1 開啟自動登入（GNOME：設定 &gt; 使用者；KDE：登入畫面；XFCE、LXDE、MATE：在 /etc/lightdm/lightdm.conf 寫 autologin-user=%1）</translation>
    </message>
    <message>
        <location filename="../setup/autostart.py" line="232"/>
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
    <message>
        <location filename="../setup/settings_file.py" line="104"/>
        <source>settings file: %1 cannot be written (%2): is a file in the way of its folder, or the folder not yours?</source>
        <translation>設定檔：無法寫入 %1（%2）：是否有檔案占用了資料夾的名稱，或資料夾不屬於你？</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="85"/>
        <source>counter: the office has no counter %1 (it has %2)</source>
        <translation>櫃檯：這個辦公室沒有 %1 號櫃檯（現有櫃檯：%2）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="257"/>
        <source>test call: %1 cannot be written (%2)</source>
        <translation>測試叫號：無法寫入 %1（%2）</translation>
    </message>
    <message>
        <location filename="../setup/settings_file.py" line="93"/>
        <source>settings file: %1 is a folder; give the file&apos;s name in it, e.g. %2</source>
        <translation>設定檔：%1 是資料夾；請給資料夾裡設定檔的名稱，例如 %2</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../setup_wizard/wizard.py" line="67"/>
        <source>Kiosk (tickets)</source>
        <translation>取號機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="68"/>
        <source>Counter console</source>
        <translation>櫃檯操作台</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="69"/>
        <source>Display board</source>
        <translation>叫號看板</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="70"/>
        <source>Rating screen</source>
        <translation>評分螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="71"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="72"/>
        <location filename="../setup_wizard/wizard.py" line="227"/>
        <source>Web status server</source>
        <translation>網頁查詢伺服器</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="73"/>
        <source>Notifier (SMS and e-mail)</source>
        <translation>通知服務（簡訊與電子郵件）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="79"/>
        <source>E-mail through an SMTP server</source>
        <translation>經 SMTP 郵件伺服器寄電子郵件</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="80"/>
        <source>Write the messages to a file (testing)</source>
        <translation>把訊息寫入檔案（測試用）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="127"/>
        <source>Set up this PC</source>
        <translation>設定這台電腦</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="149"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="149"/>
        <source>What does this PC do in the office?</source>
        <translation>這台電腦在辦公室裡做什麼？</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="155"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="156"/>
        <source>&amp;Counter number:</source>
        <translation>櫃檯號碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="162"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="163"/>
        <source>The office&apos;s database on the server, and this role&apos;s login.</source>
        <translation>伺服器上的辦公室資料庫，以及此角色的登入帳號。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="167"/>
        <source>&amp;Test the connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="174"/>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="182"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="183"/>
        <source>The kiosk&apos;s ticket printer; type network:HOST:9100 for one on the network.</source>
        <translation>取號機的號碼牌印表機；網路印表機請輸入 network:主機:9100。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="191"/>
        <source>&amp;Print a test ticket</source>
        <translation>列印測試號碼牌(&amp;P)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="194"/>
        <source>Prin&amp;ter:</source>
        <translation>印表機(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="201"/>
        <source>Voices</source>
        <translation>語音</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="201"/>
        <source>The voices that call numbers, in Mandarin and in English.</source>
        <translation>叫號用的華語與英語語音。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="216"/>
        <source>&amp;Speak a test call</source>
        <translation>播放測試叫號(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="219"/>
        <source>&amp;Mandarin voice:</source>
        <translation>華語語音(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="220"/>
        <source>&amp;English voice:</source>
        <translation>英語語音(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="221"/>
        <source>&amp;Words per minute:</source>
        <translation>每分鐘字數(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="228"/>
        <source>Where citizens&apos; phones reach the ticket status pages.</source>
        <translation>民眾手機連到號碼牌狀態網頁的位址。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="235"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="246"/>
        <source>Listen on &amp;address:</source>
        <translation>接聽位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="247"/>
        <source>&amp;Port:</source>
        <translation>連接埠(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="248"/>
        <source>&amp;Trusted proxy:</source>
        <translation>信任的代理(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="255"/>
        <source>Notifier</source>
        <translation>通知發送</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="256"/>
        <source>How the notifier sends citizens&apos; e-mails; its login stays in this PC&apos;s file.</source>
        <translation>通知程式如何寄信給民眾；登入資料只存在本機的設定檔。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="279"/>
        <source>Send a test &amp;e-mail</source>
        <translation>寄一封測試信(&amp;E)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="282"/>
        <source>&amp;Send by:</source>
        <translation>寄送方式(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="283"/>
        <source>SMTP ser&amp;ver:</source>
        <translation>SMTP 伺服器(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="289"/>
        <source>Fi&amp;le:</source>
        <translation>檔案(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="536"/>
        <source>Turning on start-at-login…</source>
        <translation>正在啟用登入時啟動…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="536"/>
        <source>Writing…</source>
        <translation>寫入中…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="552"/>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="284"/>
        <source>Se&amp;curity:</source>
        <translation>加密方式(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="237"/>
        <source>the notifier&apos;s, if e-mails are sent</source>
        <translation>通知程式的金鑰（有寄電子郵件時）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="241"/>
        <source>0.0.0.0 listens on every network of this PC. Give the reverse proxy&apos;s IP address only if one (for HTTPS) stands in front, and the notifier&apos;s opt-out link key (its settings file&apos;s link_secret) if it sends e-mails.</source>
        <translation>0.0.0.0 表示在本機所有網路上接聽。只有前面另有反向代理（提供 HTTPS）時，才填它的 IP 位址；通知程式有寄電子郵件時，填它的退訂連結金鑰（它設定檔中的 link_secret）。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="249"/>
        <location filename="../setup_wizard/wizard.py" line="290"/>
        <source>Opt-out lin&amp;k key:</source>
        <translation>退訂連結金鑰(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="285"/>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="286"/>
        <source>&amp;Username:</source>
        <translation>帳號(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="287"/>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="288"/>
        <source>&amp;From address:</source>
        <translation>寄件人地址(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="291"/>
        <source>Test e-mail &amp;to:</source>
        <translation>測試信收件人(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="317"/>
        <source>Screen and start</source>
        <translation>螢幕與啟動</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="317"/>
        <source>How the window shows, and starting at login.</source>
        <translation>視窗的顯示方式，以及登入時啟動。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="319"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="327"/>
        <source>The main screen</source>
        <translation>主螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="330"/>
        <source>&amp;Start in this role at login</source>
        <translation>登入時以此角色啟動(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="335"/>
        <source>Sc&amp;reen:</source>
        <translation>螢幕(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="336"/>
        <source>Window si&amp;ze:</source>
        <translation>視窗大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="337"/>
        <source>Staff &amp;language:</source>
        <translation>員工介面語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="400"/>
        <location filename="../setup_wizard/wizard.py" line="492"/>
        <source>Problem: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="429"/>
        <source>&amp;Use the login %1</source>
        <translation>改用登入帳號 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="482"/>
        <source>Trying…</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="512"/>
        <source>%1 exists: Finish replaces it and keeps the old one as a backup.</source>
        <translation>%1 已存在：按「完成」會取代它，並將舊檔保留為備份。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="517"/>
        <source>Finish writes %1.</source>
        <translation>按「完成」會寫入 %1。</translation>
    </message>
</context>
</TS>
