<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Mediation desk</source>
        <translation>人民调解工作台</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>e.g. 2026-11-28</source>
        <translation>例如 2026-11-28</translation>
    </message>
    <message>
        <source>court, police station or office that referred it</source>
        <translation>委派或移送的法院、派出所或部门</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>in yuan, e.g. 12000 or 1.2万</source>
        <translation>单位：元，例如 12000 或 1.2万</translation>
    </message>
    <message>
        <source>Risk of &amp;escalation</source>
        <translation>有激化风险(&amp;E)</translation>
    </message>
    <message>
        <source>what could escalate, and what was done</source>
        <translation>可能激化的情况及已采取的措施</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>受理日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>案件来源(&amp;S)</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>移送单位(&amp;B)</translation>
    </message>
    <message>
        <source>Dispute &amp;type</source>
        <translation>纠纷类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mediators</source>
        <translation>调解员(&amp;M)</translation>
    </message>
    <message>
        <source>The first ticked mediator leads.</source>
        <translation>勾选的第一位调解员为主调解员。</translation>
    </message>
    <message>
        <source>The dispute</source>
        <translation>纠纷情况</translation>
    </message>
    <message>
        <source>Brief &amp;facts</source>
        <translation>简要情况(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>申请事项(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>发生地点(&amp;P)</translation>
    </message>
    <message>
        <source>People &amp;involved</source>
        <translation>涉及人数(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>涉及金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>Risk &amp;note</source>
        <translation>风险说明(&amp;N)</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>A&amp;dd party…</source>
        <translation>添加当事人(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit part&amp;y…</source>
        <translation>修改当事人(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Remo&amp;ve party</source>
        <translation>删除当事人(&amp;V)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Remove party {name} from this case?</source>
        <translation>确定要从本案中删除当事人“{name}”吗？</translation>
    </message>
    <message>
        <source>received date</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Please choose the dispute type</source>
        <translation>请选择纠纷类型</translation>
    </message>
    <message>
        <source>Please describe the dispute briefly</source>
        <translation>请填写纠纷简要情况</translation>
    </message>
    <message>
        <source>Please add at least one party</source>
        <translation>请至少添加一名当事人</translation>
    </message>
    <message>
        <source>Registering the case…</source>
        <translation>正在登记案件…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调委会</translation>
    </message>
    <message>
        <source>Escalation risk</source>
        <translation>有激化风险</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>Case and parties</source>
        <translation>案件与当事人</translation>
    </message>
    <message>
        <source>Register a new case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>This case has unsaved changes. Close without saving?</source>
        <translation>本案有尚未保存的修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存，关闭</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DeskRunner</name>
    <message>
        <source>Working, please wait…</source>
        <translation>正在处理，请稍候…</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mediation desk</source>
        <translation>人民调解工作台</translation>
    </message>
    <message>
        <source>Case number, party name, pinyin initials (zs), ID or phone digits, facts…</source>
        <translation>案件编号、当事人姓名、拼音首字母（如 zs）、身份证号或电话片段、案情…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Register a new dispute (Ctrl+N)</source>
        <translation>登记一起新纠纷（Ctrl+N）</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <source>Ty&amp;pe</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;mmittee</source>
        <translation>调委会(&amp;M)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>暂无到期事项。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>打开所选案件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;To-do panel</source>
        <translation>待办事项面板(&amp;T)</translation>
    </message>
    <message>
        <source>Mediation desk — {committee}</source>
        <translation>人民调解工作台 — {committee}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All committees</source>
        <translation>全部调委会</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <source>{n} cases found</source>
        <translation>找到 {n} 件</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error occurred: {error}</source>
        <translation>程序出现意外错误：{error}</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Edit party</source>
        <translation>修改当事人</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>e.g. 1965-03-08</source>
        <translation>例如 1965-03-08</translation>
    </message>
    <message>
        <source>if the birth date is unknown</source>
        <translation>不知道出生日期时填写</translation>
    </message>
    <message>
        <source>18 characters; fills in birth date and sex</source>
        <translation>18位，自动填出生日期和性别</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>身份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <source>Ethni&amp;city</source>
        <translation>民族(&amp;C)</translation>
    </message>
    <message>
        <source>Representative&apos;s post (&amp;M)</source>
        <translation>代表人职务(&amp;M)</translation>
    </message>
    <message>
        <source>Relation to the party (&amp;U)</source>
        <translation>与当事人关系(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>年龄(&amp;A)</translation>
    </message>
    <message>
        <source>Contact and work</source>
        <translation>联系方式与工作</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>职业(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>工作单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>法定代表人(&amp;L)</translation>
    </message>
    <message>
        <source>Agent (if any)</source>
        <translation>委托代理人（如有）</translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation>代理人姓名(&amp;G)</translation>
    </message>
    <message>
        <source>Agent&apos;s p&amp;hone</source>
        <translation>代理人电话(&amp;H)</translation>
    </message>
    <message>
        <source>Earlier cases of this person (repeat dispute?)</source>
        <translation>此人以前的案件（是否重复纠纷？）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Organisation &amp;name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age must be a whole number from 0 to 149</source>
        <translation>年龄应为0到149之间的整数</translation>
    </message>
    <message>
        <source>This person appears in {n} earlier case(s). Repeat disputes can escalate: check the earlier outcome.</source>
        <translation>此人在以前的 {n} 件案件中出现过。重复纠纷容易激化，请查看以前的处理结果。</translation>
    </message>
    <message>
        <source>Please enter the name</source>
        <translation>请填写姓名或名称</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up the mediation desk</source>
        <translation>设置人民调解工作台</translation>
    </message>
    <message>
        <source>Welcome. Before the first case, tell the desk which mediation committee it works for and who is using it.</source>
        <translation>欢迎使用。登记第一起案件之前，请填写本机所属的人民调解委员会和当前使用的调解员。</translation>
    </message>
    <message>
        <source>e.g. 红旗嘎查人民调解委员会</source>
        <translation>例如 红旗嘎查人民调解委员会</translation>
    </message>
    <message>
        <source>e.g. 巴彦塔拉苏木</source>
        <translation>例如 巴彦塔拉苏木</translation>
    </message>
    <message>
        <source>e.g. 阿鲁科尔沁旗</source>
        <translation>例如 阿鲁科尔沁旗</translation>
    </message>
    <message>
        <source>used in case numbers, e.g. 红旗</source>
        <translation>用于案件编号，例如 红旗</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机</translation>
    </message>
    <message>
        <source>Instead, just try the desk &amp;out on made-up sample cases</source>
        <translation>不填以上内容，先用虚构的示例案件试用(&amp;O)</translation>
    </message>
    <message>
        <source>Fills this new database with a made-up township, its mediators and cases. Sample data never mixes with real records: for real work, start a new database.</source>
        <translation>在这个新数据库中生成一个虚构的乡镇及其调解员和案件。示例数据不会与真实记录混在一起：正式使用时请另建一个新数据库。</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调解委员会</translation>
    </message>
    <message>
        <source>Committee &amp;name</source>
        <translation>调委会名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Township (sumu)</source>
        <translation>所属乡镇（苏木）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;County (banner)</source>
        <translation>所属旗县区(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;hort name</source>
        <translation>简称(&amp;H)</translation>
    </message>
    <message>
        <source>Current mediator</source>
        <translation>当前调解员</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>您的姓名(&amp;M)</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始使用(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sample data is not available in this version.</source>
        <translation>此版本没有示例数据。</translation>
    </message>
    <message>
        <source>Case numbers will look like {number}</source>
        <translation>案件编号样式：{number}</translation>
    </message>
    <message>
        <source>Building sample cases…</source>
        <translation>正在生成示例案件…</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
</context>
</TS>
