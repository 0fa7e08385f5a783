<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>SetupCheck</name>
    <message>
        <location filename="../setup/checks.py" line="76"/>
        <source>database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="84"/>
        <source>connected (SQLite: one PC only, no logins)</source>
        <translation>已連線（SQLite：只限一台電腦，沒有各角色的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="96"/>
        <source>database: cannot connect: %1</source>
        <translation>資料庫：無法連線：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="105"/>
        <source>connected as %1; the server has no %2 login (counterdesk db roles makes the least-privilege logins)</source>
        <translation>已用 %1 連線；伺服器上沒有 %2 登入帳號（counterdesk db roles 會建立最小權限的登入帳號）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="116"/>
        <source>connected as %1, this role&apos;s own login</source>
        <translation>已用 %1 連線，這是此角色自己的登入帳號</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="121"/>
        <source>connected as %1; this role should use its own login %2</source>
        <translation>已用 %1 連線；此角色應改用自己的登入帳號 %2</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="144"/>
        <source>USB printers are not listed: pyusb is not installed</source>
        <translation>未列出 USB 印表機：尚未安裝 pyusb</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="151"/>
        <source>USB printers are not listed: %1</source>
        <translation>未列出 USB 印表機：%1</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="170"/>
        <source>printer: none chosen, nothing to print</source>
        <translation>印表機：尚未選擇，無從列印</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="177"/>
        <source>printer %1: %2 (%3)</source>
        <translation>印表機 %1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="183"/>
        <source>test ticket sent to %1 (%2 × %3 dots)</source>
        <translation>測試號碼牌已送到 %1（%2 × %3 點）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="207"/>
        <source>voices: %1 (%2)</source>
        <translation>語音：%2（%1）</translation>
    </message>
    <message>
        <location filename="../setup/checks.py" line="213"/>
        <source>said: %1 (%2 s)</source>
        <translation>已播報：%1（%2 秒）</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../setup_wizard/wizard.py" line="47"/>
        <source>Kiosk (tickets)</source>
        <translation>取號機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="48"/>
        <source>Counter console</source>
        <translation>櫃檯操作台</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="49"/>
        <source>Display board</source>
        <translation>叫號看板</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="50"/>
        <source>Rating screen</source>
        <translation>評分螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="51"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="52"/>
        <source>Web status server</source>
        <translation>網頁查詢伺服器</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="53"/>
        <source>Notifier (SMS and e-mail)</source>
        <translation>通知服務（簡訊與電子郵件）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="92"/>
        <source>Set up this PC</source>
        <translation>設定這台電腦</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="112"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="112"/>
        <source>What does this PC do in the office?</source>
        <translation>這台電腦在辦公室裡做什麼？</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="118"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="119"/>
        <source>&amp;Counter number:</source>
        <translation>櫃檯號碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="125"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="126"/>
        <source>The office&apos;s database on the server, and this role&apos;s login.</source>
        <translation>伺服器上的辦公室資料庫，以及此角色的登入帳號。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="130"/>
        <source>&amp;Test the connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="137"/>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="145"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="146"/>
        <source>The kiosk&apos;s ticket printer; type network:HOST:9100 for one on the network.</source>
        <translation>取號機的號碼牌印表機；網路印表機請輸入 network:主機:9100。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="154"/>
        <source>&amp;Print a test ticket</source>
        <translation>列印測試號碼牌(&amp;P)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="157"/>
        <source>Prin&amp;ter:</source>
        <translation>印表機(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="164"/>
        <source>Voices</source>
        <translation>語音</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="164"/>
        <source>The voices that call numbers, in Mandarin and in English.</source>
        <translation>叫號用的華語與英語語音。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="179"/>
        <source>&amp;Speak a test call</source>
        <translation>播放測試叫號(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="182"/>
        <source>&amp;Mandarin voice:</source>
        <translation>華語語音(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="183"/>
        <source>&amp;English voice:</source>
        <translation>英語語音(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="184"/>
        <source>&amp;Words per minute:</source>
        <translation>每分鐘字數(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="190"/>
        <source>Screen and start</source>
        <translation>螢幕與啟動</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="190"/>
        <source>How the window shows, and starting at login.</source>
        <translation>視窗的顯示方式，以及登入時啟動。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="192"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="199"/>
        <source>&amp;Start in this role at login</source>
        <translation>登入時以此角色啟動(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="203"/>
        <source>Window si&amp;ze:</source>
        <translation>視窗大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="204"/>
        <source>Staff &amp;language:</source>
        <translation>員工介面語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="246"/>
        <location filename="../setup_wizard/wizard.py" line="305"/>
        <source>Problem: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="265"/>
        <source>&amp;Use the login %1</source>
        <translation>改用登入帳號 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="297"/>
        <source>Trying…</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="312"/>
        <source>%1 exists: Finish replaces it and keeps the old one as a backup.</source>
        <translation>%1 已存在：按「完成」會取代它，並將舊檔保留為備份。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="317"/>
        <source>Finish writes %1.</source>
        <translation>按「完成」會寫入 %1。</translation>
    </message>
</context>
</TS>
