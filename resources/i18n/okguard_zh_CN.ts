<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="18"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="19"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="20"/>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="21"/>
        <source>Amount (signed)</source>
        <translation>金额（带正负号）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="22"/>
        <source>Money out (debit)</source>
        <translation>支出（借方）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="23"/>
        <source>Money in (credit)</source>
        <translation>收入（贷方）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="24"/>
        <source>In/out marker</source>
        <translation>收支标记</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="25"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="26"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="27"/>
        <source>Payee account</source>
        <translation>对方账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="28"/>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="29"/>
        <source>Reference</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="31"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="32"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="36"/>
        <source>Date (if the first is empty)</source>
        <translation>日期（第一列为空时）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="37"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="38"/>
        <source>Payee (if the first is empty)</source>
        <translation>收款方（第一列为空时）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="39"/>
        <source>Merchant order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="40"/>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="41"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="42"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="43"/>
        <source>Ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="60"/>
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="63"/>
        <source>okguard could not be sure which column holds what. Pick the column for each field; leave the rest on “(none)”.</source>
        <translation>okguard 无法确定每一列的含义。请为每个字段选择对应的列，其余保持“（无）”。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="72"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="74"/>
        <source>column {0}</source>
        <translation>第 {0} 列</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_mapping.py" line="80"/>
        <source>Remember this for files with the same columns</source>
        <translation>对列相同的文件记住此设置</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="101"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="104"/>
        <source>No transactions yet. Import a statement (CSV, Excel, Alipay, WeChat Pay, OFX, QIF, CAMT, MT940) to start</source>
        <translation>还没有交易。导入一份账单（CSV、Excel、支付宝、微信支付、OFX、QIF、CAMT、MT940）即可开始</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="108"/>
        <source>Import a statement…</source>
        <translation>导入账单…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="110"/>
        <source>To try okguard with sample data first, run: {0}</source>
        <translation>想先用示例数据试用 okguard，请运行：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="112"/>
        <source>Latest flags</source>
        <translation>最新警示</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="114"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="114"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="114"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="145"/>
        <source>{0} transactions</source>
        <translation>{0} 笔交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="146"/>
        <source>Open flags: {0} high, {1} medium, {2} low</source>
        <translation>未处理警示：高 {0}，中 {1}，低 {2}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="154"/>
        <source>{0} unreviewed since {1}</source>
        <translation>自 {1} 起有 {0} 笔未核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="156"/>
        <source>Everything is reviewed</source>
        <translation>全部已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="159"/>
        <source>Monthly spending</source>
        <translation>每月支出</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="159"/>
        <location filename="../../okguard/ui/pages/dashboard.py" line="164"/>
        <source>No spending yet</source>
        <translation>暂无支出</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/dashboard.py" line="163"/>
        <source>Top payees ({0})</source>
        <translation>主要收款方（{0}）</translation>
    </message>
</context>
<context>
    <name>FlagsPage</name>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="98"/>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="101"/>
        <source>Payments okguard thinks you should look at. Dismiss what is fine, trust a payee you know, or open a case to get money back.</source>
        <translation>okguard 认为你应该看一看的付款。没问题的可以忽略，认识的收款方可以设为信任，需要追回钱款时可以发起案件。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="105"/>
        <source>What okguard found</source>
        <translation>okguard 发现的问题</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="105"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="106"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="107"/>
        <source>Trust this payee</source>
        <translation>信任此收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="108"/>
        <source>Open a recovery case</source>
        <translation>发起追回案件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="109"/>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="140"/>
        <source>No open flags.</source>
        <translation>没有未处理的警示。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="194"/>
        <source>Flag dismissed; it will not come back for these payments.</source>
        <translation>已忽略此警示；这些付款不会再次出现该警示。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="204"/>
        <source>{0} is now trusted; future scans will not flag it as new or look-alike.</source>
        <translation>已信任 {0}；以后的扫描不会再将其标记为新收款方或仿冒收款方。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="239"/>
        <source>Scanning your history…</source>
        <translation>正在扫描你的交易记录…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="255"/>
        <source>Scan finished: {0} new flags.</source>
        <translation>扫描完成：新增 {0} 条警示。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="259"/>
        <source>The scan did not finish: {0}</source>
        <translation>扫描未完成：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/flags.py" line="263"/>
        <source>Scan cancelled; the flags were not changed.</source>
        <translation>扫描已取消；警示没有变化。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="137"/>
        <location filename="../../okguard/ui/pages/import_page.py" line="155"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="140"/>
        <source>Choose statement files or drop them on the window. okguard detects the format (CSV, Excel, Alipay, WeChat Pay, OFX, QIF, CAMT, MT940), shows the first rows, and skips payments it already has.</source>
        <translation>选择账单文件，或将文件拖到窗口上。okguard 会识别格式（CSV、Excel、支付宝、微信支付、OFX、QIF、CAMT、MT940），显示前几行，并跳过已有的付款。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="145"/>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="146"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="147"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="148"/>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="149"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="150"/>
        <source>(as named in the file)</source>
        <translation>（使用文件中的名称）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="151"/>
        <source>Column mapping…</source>
        <translation>列对应关系…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="153"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="153"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="153"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="153"/>
        <source>Payee / problem</source>
        <translation>收款方 / 问题</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="156"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="161"/>
        <source>Choose statement files</source>
        <translation>选择账单文件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="240"/>
        <source>Please check (okguard guessed): {0}</source>
        <translation>请检查（okguard 是猜测的）：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="243"/>
        <source>set by the format</source>
        <translation>由格式决定</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="266"/>
        <source>Will be rejected: {0}</source>
        <translation>将被拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="334"/>
        <source>{0} rows read</source>
        <translation>已读取 {0} 行</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="342"/>
        <source>{0} transactions imported</source>
        <translation>已导入 {0} 笔交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_page.py" line="357"/>
        <source>Import cancelled. The file being imported was not written; files finished before it stay imported.</source>
        <translation>导入已取消。正在导入的文件没有写入；之前已完成的文件仍保留导入。</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../okguard/ui/pages/import_report.py" line="104"/>
        <source>Account: {0}</source>
        <translation>账户：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_report.py" line="108"/>
        <source>{0} rows read, {1} imported, {2} already there, {3} rejected</source>
        <translation>读取 {0} 行，导入 {1} 笔，已存在 {2} 笔，拒绝 {3} 行</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_report.py" line="116"/>
        <source>line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_report.py" line="126"/>
        <source>The new payments could not be checked for problems: {0}</source>
        <translation>无法检查新付款是否有问题：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/import_report.py" line="136"/>
        <source>New flags found: {0}</source>
        <translation>发现新警示：{0} 条</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../okguard/ui/labels.py" line="8"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="9"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="10"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="13"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="14"/>
        <source>Amount changed</source>
        <translation>金额变化</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="15"/>
        <source>Unusual amount</source>
        <translation>金额异常</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="16"/>
        <source>Look-alike payee</source>
        <translation>仿冒收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="17"/>
        <source>New payee</source>
        <translation>新收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="18"/>
        <source>Scam pattern</source>
        <translation>诈骗特征</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="19"/>
        <source>Limit exceeded</source>
        <translation>超出限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="20"/>
        <source>Possible system error</source>
        <translation>可能的系统错误</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/labels.py" line="21"/>
        <source>Recurring payment changed</source>
        <translation>定期付款有变化</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../okguard/ui/nav.py" line="21"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="22"/>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="23"/>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="24"/>
        <source>Limits &amp; reminders</source>
        <translation>限额与提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="25"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="26"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="27"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/nav.py" line="34"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="73"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="74"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="75"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="76"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="77"/>
        <source>Currency of statements that do not name one</source>
        <translation>账单未注明币种时使用</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="78"/>
        <location filename="../../okguard/ui/pages/settings.py" line="91"/>
        <source>Used when a file has no currency column or symbol.</source>
        <translation>文件中没有币种列或货币符号时使用此币种。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/settings.py" line="86"/>
        <source>{0} is not a currency code; use three letters such as CNY, USD or EUR</source>
        <translation>{0} 不是币种代码；请使用 CNY、USD、EUR 这样的三个字母</translation>
    </message>
</context>
<context>
    <name>TransactionDetail</name>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="36"/>
        <source>Select a transaction to see its details.</source>
        <translation>选择一笔交易以查看详情。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="42"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="43"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="44"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="45"/>
        <source>Payee account</source>
        <translation>对方账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="46"/>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="47"/>
        <source>Reference</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="49"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="50"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="51"/>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="52"/>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="52"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="52"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="59"/>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/tx_detail.py" line="70"/>
        <source>No open flags on this transaction.</source>
        <translation>这笔交易没有未处理的警示。</translation>
    </message>
</context>
<context>
    <name>TransactionTableModel</name>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="31"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="32"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="33"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="34"/>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="35"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="37"/>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="55"/>
        <source>booked</source>
        <translation>已入账</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="56"/>
        <source>pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="57"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="58"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="59"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="60"/>
        <source>reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/models/transactions_model.py" line="207"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="137"/>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="138"/>
        <source>Search payee, memo or reference</source>
        <translation>搜索收款方、备注或交易单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="139"/>
        <source>Flagged only</source>
        <translation>仅显示有警示的</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="140"/>
        <source>Unreviewed only</source>
        <translation>仅显示未核对的</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="141"/>
        <source>Mark reviewed</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="142"/>
        <source>Mark the selected transactions as reviewed</source>
        <translation>将选中的交易标记为已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="143"/>
        <source>Reviewed up to here</source>
        <translation>核对到此处</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="145"/>
        <source>Mark this transaction and everything before it as reviewed</source>
        <translation>将这笔交易及其之前的全部交易标记为已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="148"/>
        <location filename="../../okguard/ui/pages/transactions.py" line="160"/>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="186"/>
        <source>Showing {0} of {1} transactions</source>
        <translation>显示 {0} / {1} 笔交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/transactions.py" line="234"/>
        <source>{0} transactions marked as reviewed</source>
        <translation>已将 {0} 笔交易标记为已核对</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../okguard/ui/workers.py" line="60"/>
        <source>Something went wrong: {0}</source>
        <translation>出现问题：{0}</translation>
    </message>
</context>
</TS>
