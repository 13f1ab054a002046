<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Assessment</name>
    <message>
        <source>本周期已得 %1 分，满 %2 分评定一次。</source>
        <translation>%1 of %2 points so far in this cycle. </translation>
    </message>
    <message>
        <source>已达到 %1 分，预计 %2 评定。</source>
        <translation>%1 points reached: the grading is expected in %2.</translation>
    </message>
    <message>
        <source>按最近每月约 %1 分的进度，预计 %2 前后进行下一次评定。</source>
        <translation>At the recent pace of about %1 points a month, the next grading is expected around %2.</translation>
    </message>
    <message>
        <source>考核记录还太少，暂时无法估计下一次评定时间。</source>
        <translation>There are too few months yet to estimate the next grading.</translation>
    </message>
    <message>
        <source>最近几个月的得分偏低，按这个进度暂时无法估计下一次评定时间。</source>
        <translation>Recent months scored low: at this pace no date for the next grading can be given.</translation>
    </message>
    <message>
        <source>积分是怎么算的？</source>
        <translation>How do points work?</translation>
    </message>
    <message>
        <source>每个月有基础分 100 分，按监管改造、教育改造、劳动改造三方面的表现给分。</source>
        <translation>Every month starts with 100 base points, given for conduct, education and work.</translation>
    </message>
    <message>
        <source>表现突出可以加分；违反规定会扣分。受到警告扣 100 分，记过扣 200 分，禁闭扣 400 分。</source>
        <translation>Outstanding conduct earns bonus points; breaking the rules costs points. A warning costs 100 points, a demerit 200, solitary confinement 400.</translation>
    </message>
    <message>
        <source>每月得分累计起来，满 600 分为一个考核周期，下个月进行评定：表扬、物质奖励或不予奖励。</source>
        <translation>The monthly points add up. At 600 points a cycle is complete and is graded the next month: commendation, material reward or no reward.</translation>
    </message>
    <message>
        <source>表扬和物质奖励是减刑、假释的重要依据。</source>
        <translation>Commendations and material rewards count strongly towards sentence reduction and parole.</translation>
    </message>
    <message>
        <source>■ 基础分</source>
        <translation>■ Base</translation>
    </message>
    <message>
        <source>■ 加分</source>
        <translation>■ Bonus</translation>
    </message>
    <message>
        <source>▨ 扣分（零线以下）</source>
        <translation>▨ Deducted (below zero)</translation>
    </message>
    <message>
        <source>━ 当月合计</source>
        <translation>━ Month total</translation>
    </message>
    <message>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 points</translation>
    </message>
    <message>
        <source>本周期从 %1 开始计算。</source>
        <translation>This cycle began in %1.</translation>
    </message>
    <message>
        <source>积分是怎么算的？点这里看说明</source>
        <translation>How do points work? Tap here</translation>
    </message>
    <message numerus="yes">
        <source>最近 %n 个月的得分</source>
        <translation>
            <numerusform>Points of the last month</numerusform>
            <numerusform>Points of the last %n months</numerusform>
        </translation>
    </message>
    <message>
        <source>每月得分图</source>
        <translation>Chart of monthly points</translation>
    </message>
    <message>
        <source>每月得分明细</source>
        <translation>Points month by month</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>基础分</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>以往考核周期</source>
        <translation>Past cycles</translation>
    </message>
    <message>
        <source>周期结束</source>
        <translation>Cycle closed</translation>
    </message>
    <message>
        <source>分数</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>评定结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>评定日期</source>
        <translation>Graded on</translation>
    </message>
    <message>
        <source>还没有完成的考核周期。</source>
        <translation>No cycle has been completed yet.</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>通知公告</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>狱务公开</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>公告动态</source>
        <translation>News</translation>
    </message>
    <message>
        <source>狱务公开查询</source>
        <translation>Prison Information</translation>
    </message>
    <message>
        <source>服刑人员亲属可在这里查询亲人的改造表现、计分考核、奖惩与刑罚变更、生活卫生情况，并打印查询凭条。</source>
        <translation>Look up a relative&apos;s conduct, points, rewards, sentence and living conditions, and print a slip.</translation>
    </message>
    <message>
        <source>请准备好：</source>
        <translation>Please have ready:</translation>
    </message>
    <message>
        <source>① 您本人的居民身份证</source>
        <translation>① Your own ID card</translation>
    </message>
    <message>
        <source>② 监狱发给您的查询码</source>
        <translation>② The reference number from the prison</translation>
    </message>
    <message>
        <source>点这里开始查询</source>
        <translation>Tap here to start</translation>
    </message>
    <message>
        <source>也可以把身份证放在下方读卡区，自动开始。</source>
        <translation>Or place your ID card on the reader below to start.</translation>
    </message>
    <message>
        <source>公告（点一下可看全文）</source>
        <translation>Announcements (tap to read)</translation>
    </message>
    <message>
        <source>看完了，关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>暂无公告。</source>
        <translation>No announcements.</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working on it, please wait…</translation>
    </message>
</context>
<context>
    <name>ChooseInmateScreen</name>
    <message>
        <source>请选择要查询的亲人</source>
        <translation>Choose the relative you want to look up</translation>
    </message>
    <message>
        <source>结束查询</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>您好，%1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <source>关系：%1&#x3000;&#x3000;%2&#x3000;%3</source>
        <translation>Relationship: %1    %2  %3</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>您还在使用吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>时间到后将自动退出，并清除屏幕上的全部信息。</source>
        <translation>When the time is up, the kiosk will finish and clear everything from the screen.</translation>
    </message>
    <message>
        <source>我还在，继续使用</source>
        <translation>I&apos;m still here</translation>
    </message>
    <message>
        <source>结束查询</source>
        <translation>Finish now</translation>
    </message>
    <message numerus="yes">
        <source>%n 秒</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayButtons</name>
    <message>
        <source>切换到英文 English</source>
        <translation>Switch to English</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>切换到中文</source>
        <translation>Switch to Chinese 中文</translation>
    </message>
    <message>
        <source>大字</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>恢复正常字体</source>
        <translation>Back to normal text</translation>
    </message>
    <message>
        <source>放大字体，加强对比</source>
        <translation>Larger text, stronger contrast</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <source>凭条已打印，请取走</source>
        <translation>Please take your slip</translation>
    </message>
    <message>
        <source>凭条上的二维码可以用手机扫描，核验真伪。</source>
        <translation>Scan the QR code on the slip to check it is genuine.</translation>
    </message>
    <message>
        <source>感谢您的使用，祝您生活顺利！</source>
        <translation>Thank you, and all the best to you!</translation>
    </message>
    <message>
        <source>再打印一份</source>
        <translation>Print another copy</translation>
    </message>
    <message>
        <source>继续查看</source>
        <translation>Keep looking</translation>
    </message>
    <message>
        <source>完成，退出</source>
        <translation>Done, finish</translation>
    </message>
    <message>
        <source>凭条号：%1</source>
        <translation>Slip number: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n 秒后自动退出并返回首页。</source>
        <translation>
            <numerusform>Back to the start in %n second.</numerusform>
            <numerusform>Back to the start in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnquiryScreen</name>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>信息有错误</source>
        <translation>Something is wrong</translation>
    </message>
    <message>
        <source>比如日期、分数或金额不对</source>
        <translation>A date, points or an amount is not right</translation>
    </message>
    <message>
        <source>缺少记录</source>
        <translation>Something is missing</translation>
    </message>
    <message>
        <source>应该有的记录没有显示</source>
        <translation>A record that should be there is not shown</translation>
    </message>
    <message>
        <source>看不明白</source>
        <translation>I don&apos;t understand it</translation>
    </message>
    <message>
        <source>希望监狱解释清楚</source>
        <translation>I would like the prison to explain</translation>
    </message>
    <message>
        <source>其他问题</source>
        <translation>Something else</translation>
    </message>
    <message>
        <source>以上都不是</source>
        <translation>None of the above</translation>
    </message>
    <message>
        <source>请点选哪里不对（不用打字）。监狱会核实，并在规定时间内答复您。</source>
        <translation>Tap what is wrong (no typing needed). The prison will check and reply within the set time.</translation>
    </message>
    <message>
        <source>您的意见已受理</source>
        <translation>Your enquiry has been received</translation>
    </message>
    <message>
        <source>用手机扫码，查看办理进度</source>
        <translation>Scan with your phone to follow the reply</translation>
    </message>
    <message>
        <source>重新打印回执</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <source>对“%1”有疑问</source>
        <translation>A question about &quot;%1&quot;</translation>
    </message>
    <message>
        <source>返回，不提交</source>
        <translation>Back, don&apos;t send</translation>
    </message>
    <message>
        <source>受理编号：%1</source>
        <translation>Ticket number: %1</translation>
    </message>
    <message>
        <source>监狱将在 %1 前答复。</source>
        <translation>The prison will reply by %1.</translation>
    </message>
    <message>
        <source>正在打印回执，请稍候…</source>
        <translation>Printing your receipt, please wait…</translation>
    </message>
    <message>
        <source>回执已打印，请取走并保管好。</source>
        <translation>Your receipt is printed. Please take it and keep it safe.</translation>
    </message>
    <message>
        <source>回执没有打印出来。请记下上面的受理编号，或扫码保存。</source>
        <translation>The receipt could not be printed. Please write down the ticket number above, or scan the code.</translation>
    </message>
    <message>
        <source>返回查看记录</source>
        <translation>Back to the records</translation>
    </message>
</context>
<context>
    <name>FarewellScreen</name>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>感谢您的使用</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>本次查询已结束，屏幕上的信息已全部清除。</source>
        <translation>Your visit has ended and everything has been cleared from the screen.</translation>
    </message>
    <message>
        <source>请为本次服务评价，点一下即可：</source>
        <translation>How was the service? One tap is enough:</translation>
    </message>
    <message>
        <source>谢谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>不评价，返回首页</source>
        <translation>Skip, back to the start</translation>
    </message>
    <message numerus="yes">
        <source>%n 秒后返回首页</source>
        <translation>
            <numerusform>Back to the start in %n second</numerusform>
            <numerusform>Back to the start in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>yyyy年M月d日</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>yyyy-MM</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>M月</source>
        <translation>MMM</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>¥%1</translation>
    </message>
    <message numerus="yes">
        <source>%n 天</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <source>用手机继续办理</source>
        <translation>Continue on your phone</translation>
    </message>
    <message>
        <source>用微信扫一扫左边的二维码，可以预约会见、申请远程视频会见。</source>
        <translation>Scan it with WeChat to book a visit or a video visit.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <source>请验证您的身份</source>
        <translation>Confirm who you are</translation>
    </message>
    <message>
        <source>身份证号码（18 位）</source>
        <translation>ID number (18 characters)</translation>
    </message>
    <message>
        <source>查询码（监狱发给您的凭证上）</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <source>点这里，用右边的数字键输入</source>
        <translation>Tap here, then use the keys</translation>
    </message>
    <message>
        <source>点这里输入查询码</source>
        <translation>Tap here: the code on your letter</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <source>✔ 身份证号码格式正确</source>
        <translation>✔ The ID number looks right</translation>
    </message>
    <message>
        <source>已输入 %1 / 18 位</source>
        <translation>%1 of 18 entered</translation>
    </message>
    <message>
        <source>最后一位是 X 的，请按 X 键</source>
        <translation>If the last character is X, tap the X key</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>⌫ 删除</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>删除一位</source>
        <translation>Delete one character</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>Living</name>
    <message>
        <source>账户余额</source>
        <translation>Account balance</translation>
    </message>
    <message>
        <source>每月消费限额</source>
        <translation>Monthly spending limit</translation>
    </message>
    <message>
        <source>%1 已消费 %2，还可消费 %3。</source>
        <translation>Spent in %1: %2; %3 left to spend.</translation>
    </message>
    <message>
        <source>近期收支</source>
        <translation>Money in and out</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>收入/支出</source>
        <translation>In / out</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>存入</source>
        <translation>In</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>健康检查</source>
        <translation>Health checks</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message numerus="yes">
        <source>最近 %n 个月的会见和亲情电话</source>
        <translation>
            <numerusform>Visits and family calls in the last month</numerusform>
            <numerusform>Visits and family calls in the last %n months</numerusform>
        </translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message numerus="yes">
        <source>%n 次</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Length</translation>
    </message>
    <message numerus="yes">
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>狱务公开查询</source>
        <translation>Prison Information</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>身份证号码应为 18 位，请输入完整。</source>
        <translation>An ID number has 18 characters. Please enter all of them.</translation>
    </message>
    <message>
        <source>身份证号码只能是数字，最后一位可以是 X。</source>
        <translation>An ID number has only digits; the last one may be X.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期不对，请核对第 7 到 14 位。</source>
        <translation>The birth date in the ID number is not right. Please check characters 7 to 14.</translation>
    </message>
    <message>
        <source>身份证号码有误，请逐位核对后重新输入。</source>
        <translation>This ID number is not right. Please check it digit by digit.</translation>
    </message>
    <message>
        <source>身份证号码只有 18 位。</source>
        <translation>An ID number has only 18 characters.</translation>
    </message>
    <message>
        <source>请输入查询码（监狱发给家属的凭证上印有查询码）。</source>
        <translation>Please enter the reference number (it is printed on the letter the prison gave you).</translation>
    </message>
    <message>
        <source>查询码至少 8 位，请输入完整。</source>
        <translation>The reference number has at least 8 characters. Please enter all of them.</translation>
    </message>
    <message>
        <source>查询码最多 16 位。</source>
        <translation>The reference number has at most 16 characters.</translation>
    </message>
    <message>
        <source>查询码只包含字母、数字和短横线。</source>
        <translation>The reference number has only letters, digits and dashes.</translation>
    </message>
    <message>
        <source>这种证件不能在本机查询，请咨询值班民警，或用其他证件。</source>
        <translation>This card cannot be used here. Please ask the officer on duty, or use another card.</translation>
    </message>
    <message>
        <source>身份证号码与查询码不匹配，请核对查询码后重新输入。</source>
        <translation>ID number and reference number do not match. Please check the reference number.</translation>
    </message>
    <message>
        <source>输入错误次数太多，这个身份证号码已暂时锁定。</source>
        <translation>Too many wrong tries: this ID number is locked for a while.</translation>
    </message>
    <message>
        <source>本次查询已结束，信息已清除。如需继续，请重新验证身份。</source>
        <translation>This visit has ended and the information was cleared. To continue, please confirm who you are again.</translation>
    </message>
    <message>
        <source>您没有查看这位服刑人员信息的权限。如有疑问，请咨询值班民警。</source>
        <translation>You may not see this inmate&apos;s information. If you have questions, please ask the officer on duty.</translation>
    </message>
    <message>
        <source>没有找到相关信息。如有疑问，请咨询值班民警。</source>
        <translation>Nothing was found. If you have questions, please ask the officer on duty.</translation>
    </message>
    <message>
        <source>系统繁忙，请稍等片刻再试。</source>
        <translation>The system is busy. Please wait a moment and try again.</translation>
    </message>
    <message>
        <source>输入的信息有误，请检查后重新输入。</source>
        <translation>Something entered is not right. Please check and enter it again.</translation>
    </message>
    <message>
        <source>查询服务暂时无法连接，请稍后点“重试”。</source>
        <translation>The information service cannot be reached right now. Please tap “Try again” in a moment.</translation>
    </message>
    <message>
        <source>查询服务长时间没有响应，请点“重试”。</source>
        <translation>The information service did not answer in time. Please tap “Try again”.</translation>
    </message>
    <message>
        <source>查询系统正在维护，暂停服务。</source>
        <translation>The information system is being maintained. Service is paused.</translation>
    </message>
    <message>
        <source>本机暂未获得查询授权，暂停服务。请联系值班民警处理。</source>
        <translation>This terminal is not authorised at the moment. Service is paused. Please ask the officer on duty.</translation>
    </message>
    <message>
        <source>本机出现故障，正在自动恢复，请稍候。您的信息已清除。</source>
        <translation>This terminal had a fault and is recovering by itself. Please wait. Your information has been cleared.</translation>
    </message>
    <message>
        <source>凭条没有打印出来。请联系值班民警协助，凭条号已保留，可以重新打印。</source>
        <translation>The slip could not be printed. Please ask the officer on duty for help; the slip number is kept and you can print again.</translation>
    </message>
    <message>
        <source>本次查询的打印份数已用完。</source>
        <translation>No more copies can be printed in this visit.</translation>
    </message>
    <message numerus="yes">
        <source>还可以再试 %n 次。</source>
        <translation>
            <numerusform> %n more try left.</numerusform>
            <numerusform> %n more tries left.</numerusform>
        </translation>
    </message>
    <message>
        <source>再错一次将被锁定。</source>
        <translation> One more wrong try will lock it.</translation>
    </message>
    <message>
        <source>请在 %1 以后再试，或咨询值班民警。</source>
        <translation> Please try again after %1, or ask the officer on duty.</translation>
    </message>
    <message>
        <source>请稍后再试，或咨询值班民警。</source>
        <translation> Please try again later, or ask the officer on duty.</translation>
    </message>
    <message>
        <source>预计 %1 恢复。</source>
        <translation> Expected back at %1.</translation>
    </message>
    <message>
        <source>本机暂时无法连接查询服务，暂停服务。</source>
        <translation>This terminal cannot reach the information service right now. Service is paused.</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>暂停服务</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>服务恢复后本机会自动回到首页。如需帮助，请咨询值班民警。</source>
        <translation>The terminal returns to the start by itself when the service is back. For help, please ask the officer on duty.</translation>
    </message>
    <message>
        <source>终端编号：%1</source>
        <translation>Terminal: %1</translation>
    </message>
    <message>
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
</context>
<context>
    <name>PrintScreen</name>
    <message>
        <source>打印查询凭条</source>
        <translation>Print a summary slip</translation>
    </message>
    <message>
        <source>请点选要打印的内容（可多选）：</source>
        <translation>Tap what to print (you can choose several):</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message numerus="yes">
        <source>本次查询还可打印 %n 份。</source>
        <translation>
            <numerusform>You can print %n more copy.</numerusform>
            <numerusform>You can print %n more copies.</numerusform>
        </translation>
    </message>
    <message>
        <source>凭条号：%1</source>
        <translation>Slip number: %1</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <source>正在读取，请稍候…</source>
        <translation>Loading, please wait…</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>我知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <source>换一位亲人</source>
        <translation>Another relative</translation>
    </message>
    <message>
        <source>打印凭条</source>
        <translation>Print a slip</translation>
    </message>
    <message>
        <source>结束查询</source>
        <translation>Finish</translation>
    </message>
    <message numerus="yes">
        <source>还可打印 %n 份</source>
        <translation>
            <numerusform>%n copy left</numerusform>
            <numerusform>%n copies left</numerusform>
        </translation>
    </message>
    <message>
        <source>打印份数已用完</source>
        <translation>No copies left</translation>
    </message>
</context>
<context>
    <name>Reform</name>
    <message>
        <source>思想</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>劳动</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>每月考评（思想、教育、劳动）</source>
        <translation>Monthly evaluation (attitude, education, work)</translation>
    </message>
    <message>
        <source>好、良、中、差四个等级；空格表示那个月还没有考评。</source>
        <translation>Four grades: good, fair, average, poor. An empty box means that month has no evaluation yet.</translation>
    </message>
    <message>
        <source>考评说明</source>
        <translation>Evaluation notes</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>学习课程</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>学期</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>成绩</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>获得证书</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>取得日期</source>
        <translation>Awarded on</translation>
    </message>
</context>
<context>
    <name>Rewards</name>
    <message>
        <source>预计释放日期已到。</source>
        <translation>The expected release date has come.</translation>
    </message>
    <message>
        <source>距预计释放还有 %1</source>
        <translation>%1 until the expected release</translation>
    </message>
    <message>
        <source>预计释放日期：%1</source>
        <translation>Expected release: %1</translation>
    </message>
    <message>
        <source>（原定 %1，已减去 %2）</source>
        <translation> (originally %1; %2 taken off)</translation>
    </message>
    <message>
        <source>入狱 %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>预计释放 %1</source>
        <translation>Release %1</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>目前进度：%1。%2</source>
        <translation>Now at: %1. %2</translation>
    </message>
    <message>
        <source>减刑、假释办理情况</source>
        <translation>Sentence reduction and parole cases</translation>
    </message>
    <message>
        <source>暂无减刑、假释记录。</source>
        <translation>No sentence reduction or parole yet.</translation>
    </message>
    <message>
        <source>正在读取刑期…</source>
        <translation>Loading the sentence…</translation>
    </message>
    <message numerus="yes">
        <source>奖励 %n 次</source>
        <translation>
            <numerusform>%n reward</numerusform>
            <numerusform>%n rewards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>处罚 %n 次</source>
        <translation>
            <numerusform>%n punishment</numerusform>
            <numerusform>%n punishments</numerusform>
        </translation>
    </message>
    <message>
        <source>奖励</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>暂无奖励记录。</source>
        <translation>No rewards yet.</translation>
    </message>
    <message>
        <source>处罚</source>
        <translation>Punishments</translation>
    </message>
    <message>
        <source>没有处罚记录。</source>
        <translation>No punishments.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>暂无记录。</source>
        <translation>No records yet.</translation>
    </message>
    <message>
        <source>改造表现</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <source>计分考核</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>奖惩与刑罚变更</source>
        <translation>Rewards, sentence</translation>
    </message>
    <message>
        <source>生活卫生</source>
        <translation>Living</translation>
    </message>
    <message>
        <source>数据截至 %1（北京时间）</source>
        <translation>As of %1 (Beijing time)</translation>
    </message>
    <message>
        <source>觉得这部分内容有错误、缺漏或看不懂？</source>
        <translation>Is something here wrong, missing or unclear?</translation>
    </message>
    <message>
        <source>我有疑问</source>
        <translation>I have a question</translation>
    </message>
    <message>
        <source>%1&#x3000;%2&#x3000;%3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>%1（%2 起）&#x3000;预计释放日期：%3</source>
        <translation>%1 (from %2)  Expected release: %3</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>表扬</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <source>物质奖励</source>
        <translation>Material reward</translation>
    </message>
    <message>
        <source>记功</source>
        <translation>Merit</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>记过</source>
        <translation>Demerit</translation>
    </message>
    <message>
        <source>禁闭</source>
        <translation>Solitary confinement</translation>
    </message>
    <message>
        <source>减刑</source>
        <translation>Sentence reduction</translation>
    </message>
    <message>
        <source>假释</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>暂予监外执行</source>
        <translation>Temporary release (medical)</translation>
    </message>
    <message>
        <source>呈报</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Publicised</translation>
    </message>
    <message>
        <source>提请</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>裁定</source>
        <translation>Ruled</translation>
    </message>
    <message>
        <source>监狱已经报请，正在审核。</source>
        <translation>The prison has proposed it and it is being reviewed.</translation>
    </message>
    <message>
        <source>正在监狱内公示，公示期满后提请法院审理。</source>
        <translation>It is posted publicly in the prison; afterwards it goes to the court.</translation>
    </message>
    <message>
        <source>已提请法院（或监狱管理局）审理，等待裁定。</source>
        <translation>It is with the court (or the prison administration), waiting for a ruling.</translation>
    </message>
    <message>
        <source>已作出裁定，办理完毕。</source>
        <translation>A ruling has been made; the case is closed.</translation>
    </message>
    <message>
        <source>不予奖励</source>
        <translation>No reward</translation>
    </message>
    <message>
        <source>存款</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>消费</source>
        <translation>Spending</translation>
    </message>
    <message>
        <source>汇款</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>扣款</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <source>现场会见</source>
        <translation>Visit in person</translation>
    </message>
    <message>
        <source>远程视频会见</source>
        <translation>Video visit</translation>
    </message>
    <message>
        <source>亲情电话</source>
        <translation>Family call</translation>
    </message>
    <message>
        <source>好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>良</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>狱务公开查询</source>
        <translation>Prison Information</translation>
    </message>
</context>
</TS>
