<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="290"/>
        <source>Check before paying</source>
        <translation>付款前检查</translation>
    </message>
</context>
<context>
    <name>CheckForm</name>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="119"/>
        <source>About to pay someone? Describe the payment and okguard compares it with your history, your limits and known scam wording before any money leaves.</source>
        <translation>准备给别人付款？描述一下这笔付款，okguard 会在钱付出之前把它和您的交易记录、您的限额以及已知的诈骗话术进行比对。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="124"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="124"/>
        <source>Their account, card or wallet</source>
        <translation>对方的账户、卡号或钱包</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="124"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="125"/>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="125"/>
        <source>Paying from</source>
        <translation>付款账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="129"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="130"/>
        <source>Optional: what the payment is for</source>
        <translation>可选：这笔付款的用途</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="131"/>
        <source>e.g. 4500</source>
        <translation>例如 4500</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="133"/>
        <location filename="../../okguard/ui/guard/check_form.py" line="144"/>
        <source>Not said</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="134"/>
        <location filename="../../okguard/ui/guard/check_form.py" line="217"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="171"/>
        <source>Type whom you are about to pay</source>
        <translation>请输入您要付款给谁</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="176"/>
        <source>Type the amount as a number above zero, for example 4500</source>
        <translation>请输入大于零的数字金额，例如 4500</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="182"/>
        <source>{0} amounts have at most {1} digits after the decimal point</source>
        <translation>{0} 金额最多只能有 {1} 位小数</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="212"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/check_form.py" line="252"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>GuardMenu</name>
    <message>
        <location filename="../../okguard/ui/guard/menu.py" line="27"/>
        <source>&amp;Guard</source>
        <translation>守护(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/menu.py" line="28"/>
        <source>Check a payment before paying…</source>
        <translation>付款前检查…</translation>
    </message>
</context>
<context>
    <name>GuardSettingsBox</name>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="69"/>
        <source>Confirmations and reviews</source>
        <translation>确认与核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="70"/>
        <source>Ask me to confirm payments of at least</source>
        <translation>付款金额达到以下数额时请我确认</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="71"/>
        <source>Remind me to review my transactions</source>
        <translation>提醒我核对交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="72"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="73"/>
        <source>0 stops asking for this currency.</source>
        <translation>填 0 表示此币种不再要求确认。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="74"/>
        <source>every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="75"/>
        <source>every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="105"/>
        <source>Type the amount as a number, for example 2000; 0 stops asking</source>
        <translation>请输入数字金额，例如 2000；填 0 表示不再要求确认</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="112"/>
        <source>{0} amounts have at most {1} digits after the decimal point</source>
        <translation>{0} 金额最多只能有 {1} 位小数</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/settings_box.py" line="120"/>
        <source>Confirmation threshold saved.</source>
        <translation>确认金额已保存。</translation>
    </message>
</context>
<context>
    <name>GuardTexts</name>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="14"/>
        <source>Any single payment</source>
        <translation>任意单笔付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="15"/>
        <source>All payments in a day</source>
        <translation>一天内的全部付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="16"/>
        <source>All payments in a month</source>
        <translation>一个月内的全部付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="17"/>
        <source>Payments to one payee</source>
        <translation>付给某一收款方的款项</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="18"/>
        <source>Payments in one category</source>
        <translation>某一分类的付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="19"/>
        <source>First payment to a new payee</source>
        <translation>首次向新收款方付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="22"/>
        <source>per payment</source>
        <translation>每笔</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="23"/>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="24"/>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="27"/>
        <source>Confirm a payment</source>
        <translation>确认付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="28"/>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="29"/>
        <source>Case follow-up</source>
        <translation>案件跟进</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="30"/>
        <source>Recovery deadline</source>
        <translation>追款期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="33"/>
        <source>OK: nothing unusual</source>
        <translation>正常：没有异常</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="34"/>
        <source>Look again</source>
        <translation>请再看一下</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="35"/>
        <source>Stop: do not pay yet</source>
        <translation>停：先不要付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="38"/>
        <source>Nothing in your history makes this payment look unusual. If someone is rushing or pressuring you to pay, stop anyway.</source>
        <translation>从您的交易记录看，这笔付款没有异常。但如果有人催促或逼迫您付款，仍然请先停下。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="43"/>
        <source>Something is unusual. Read each reason and check it before you pay.</source>
        <translation>有不寻常之处。付款前请逐条阅读并核实下列原因。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/texts.py" line="46"/>
        <source>Do not pay until you have checked every reason below, ideally with someone you trust.</source>
        <translation>在逐条核实下列原因之前（最好与您信任的人一起核实），请不要付款。</translation>
    </message>
</context>
<context>
    <name>LimitDialog</name>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="128"/>
        <source>Edit limit</source>
        <translation>修改限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="128"/>
        <source>Add a limit</source>
        <translation>添加限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="130"/>
        <source>Limit on</source>
        <translation>限额对象</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="130"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="130"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="130"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="131"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="131"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="131"/>
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="139"/>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="140"/>
        <source>The name as it shows on your statements</source>
        <translation>账单上显示的名称</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="141"/>
        <source>e.g. 500</source>
        <translation>例如 500</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="142"/>
        <source>e.g. Rent, Games</source>
        <translation>例如 房租、游戏</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="189"/>
        <source>Type the amount as a number, for example 500 or 12.50</source>
        <translation>请输入数字金额，例如 500 或 12.50</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/limit_dialog.py" line="194"/>
        <source>{0} amounts have at most {1} digits after the decimal point</source>
        <translation>{0} 金额最多只能有 {1} 位小数</translation>
    </message>
</context>
<context>
    <name>LimitUsageSummary</name>
    <message>
        <location filename="../../okguard/ui/guard/usage_summary.py" line="39"/>
        <source>Limits this period</source>
        <translation>本期限额使用情况</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="135"/>
        <source>Limits &amp; reminders</source>
        <translation>限额与提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="136"/>
        <source>Check a payment before paying…</source>
        <translation>付款前检查…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="137"/>
        <source>Your limits</source>
        <translation>您的限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="140"/>
        <source>No limits set yet. A limit caps what may leave your accounts per payment, day, month, payee or category; okguard flags payments that go over it.</source>
        <translation>还没有设置限额。限额规定每笔、每天、每月、每个收款方或每个分类最多可以支出多少；超出时 okguard 会发出警示。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="146"/>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="146"/>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="146"/>
        <source>Per</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="146"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="147"/>
        <source>Used this period</source>
        <translation>本期已用</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="147"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="150"/>
        <source>Add a limit…</source>
        <translation>添加限额…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="151"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="152"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="209"/>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="239"/>
        <source>Over by {0}</source>
        <translation>超出 {0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="295"/>
        <source>Limit added.</source>
        <translation>限额已添加。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="298"/>
        <source>Limit changed.</source>
        <translation>限额已修改。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="308"/>
        <source>Remove limit</source>
        <translation>删除限额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="309"/>
        <source>Remove the {0}?</source>
        <translation>删除{0}？</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/limits.py" line="330"/>
        <source>Limit removed.</source>
        <translation>限额已删除。</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <location filename="../../okguard/ui/tray.py" line="116"/>
        <source>okguard is watching for reminders</source>
        <translation>okguard 正在留意提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="117"/>
        <source>Show okguard</source>
        <translation>显示 okguard</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="118"/>
        <source>Check a payment before paying…</source>
        <translation>付款前检查…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="119"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="171"/>
        <source>okguard reminder</source>
        <translation>okguard 提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="174"/>
        <source>…and {0} more in Limits &amp; reminders</source>
        <translation>……另有 {0} 条，见“限额与提醒”</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="177"/>
        <source>okguard: {0} reminders</source>
        <translation>okguard：{0} 条提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="182"/>
        <source>Reminder: {0}</source>
        <translation>提醒：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/tray.py" line="183"/>
        <source>{0} reminders are due; see Limits &amp; reminders</source>
        <translation>有 {0} 条提醒到期，请查看“限额与提醒”</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="93"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="94"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="94"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="94"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="95"/>
        <source>Yes, that was me</source>
        <translation>是我本人付的</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="97"/>
        <source>Confirm the selected payments: you made them and they were right</source>
        <translation>确认所选付款：是您本人付的，而且没有错</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="99"/>
        <source>Mark all reviewed</source>
        <translation>全部标记为已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="101"/>
        <source>Mark every transaction up to now as reviewed</source>
        <translation>把截至现在的所有交易标记为已核对</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="103"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="104"/>
        <source>Remind me tomorrow</source>
        <translation>明天再提醒我</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="105"/>
        <source>Export to calendar (.ics)…</source>
        <translation>导出到日历（.ics）…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="122"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="129"/>
        <source>No reminders.</source>
        <translation>没有提醒。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="176"/>
        <source>Confirmed {0} payments. Thank you.</source>
        <translation>已确认 {0} 笔付款，谢谢。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="208"/>
        <source>Marked {0} transactions reviewed.</source>
        <translation>已将 {0} 笔交易标记为已核对。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="219"/>
        <source>Export reminders to a calendar</source>
        <translation>把提醒导出到日历</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="221"/>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="233"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/reminders_panel.py" line="236"/>
        <source>Wrote {0} reminders to {1}</source>
        <translation>已将 {0} 条提醒写入 {1}</translation>
    </message>
</context>
<context>
    <name>UsageBar</name>
    <message>
        <location filename="../../okguard/ui/guard/usage_bar.py" line="35"/>
        <source>Today&apos;s largest: {0} of {1}</source>
        <translation>今天最大一笔 {0}，限额 {1}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/guard/usage_bar.py" line="37"/>
        <source>{0} of {1} ({2}%)</source>
        <translation>已用 {0}，限额 {1}（{2}%）</translation>
    </message>
</context>
</TS>
