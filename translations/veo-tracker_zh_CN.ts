<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiBase</name>
    <message>
        <source>The API address is empty. Enter one such as https://api.kie.ai.</source>
        <translation>API 地址为空。请输入地址，例如 https://api.kie.ai。</translation>
    </message>
    <message>
        <source>The API address is not a valid URL. Enter one such as https://api.kie.ai.</source>
        <translation>API 地址不是有效的 URL。请输入类似 https://api.kie.ai 的地址。</translation>
    </message>
    <message>
        <source>The API address must start with https://, for example https://api.kie.ai.</source>
        <translation>API 地址必须以 https:// 开头，例如 https://api.kie.ai。</translation>
    </message>
    <message>
        <source>The API address has no host name. Enter one such as https://api.kie.ai.</source>
        <translation>API 地址缺少主机名。请输入类似 https://api.kie.ai 的地址。</translation>
    </message>
    <message>
        <source>The API address must not contain a user name or password. Remove them; the API key is entered separately.</source>
        <translation>API 地址中不能包含用户名或密码，请将其删除；API 密钥需另行输入。</translation>
    </message>
    <message>
        <source>The API address must be just the server, without a path such as /api/v1. Enter it like https://api.kie.ai.</source>
        <translation>API 地址只能是服务器地址，不能带 /api/v1 之类的路径。请按 https://api.kie.ai 的格式输入。</translation>
    </message>
    <message>
        <source>The API address uses http://, which would send the API key unencrypted. Use https:// (plain http:// is allowed only for a test server on this computer).</source>
        <translation>API 地址使用的是 http://，API 密钥会以明文发送。请使用 https://（仅本机上的测试服务器可以使用 http://）。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Could not reach KIE.</source>
        <translation>无法连接到 KIE。</translation>
    </message>
    <message>
        <source>Could not reach KIE: %1</source>
        <translation>无法连接到 KIE：%1</translation>
    </message>
    <message>
        <source>KIE did not answer in time.</source>
        <translation>KIE 未能及时响应。</translation>
    </message>
    <message>
        <source>This computer is offline.</source>
        <translation>本机处于离线状态。</translation>
    </message>
    <message>
        <source>KIE sent an answer that is far too large; it was ignored.</source>
        <translation>KIE 返回的响应过大，已忽略。</translation>
    </message>
    <message>
        <source>KIE sent an answer that could not be read.</source>
        <translation>无法解析 KIE 返回的响应。</translation>
    </message>
    <message>
        <source>KIE sent an answer that could not be read (%1).</source>
        <translation>无法解析 KIE 返回的响应（%1）。</translation>
    </message>
    <message>
        <source>KIE answered with HTTP error %1.</source>
        <translation>KIE 返回了 HTTP 错误 %1。</translation>
    </message>
    <message>
        <source>The API key was refused (401).</source>
        <translation>API 密钥被拒绝（401）。</translation>
    </message>
    <message>
        <source>The account has run out of credits (402).</source>
        <translation>账户积分已用完（402）。</translation>
    </message>
    <message>
        <source>KIE does not know this task yet.</source>
        <translation>KIE 暂时还查不到此任务。</translation>
    </message>
    <message>
        <source>KIE keeps task records for 14 days only; this one has expired.</source>
        <translation>KIE 仅保留 14 天内的任务记录，此任务的记录已过期。</translation>
    </message>
    <message>
        <source>KIE does not know this task ID.</source>
        <translation>KIE 中不存在此任务ID。</translation>
    </message>
    <message>
        <source>Too many requests: KIE asked us to slow down (429).</source>
        <translation>请求过于频繁：KIE 要求降低请求频率（429）。</translation>
    </message>
    <message>
        <source>KIE is under maintenance (455).</source>
        <translation>KIE 正在维护（455）。</translation>
    </message>
    <message>
        <source>KIE reported a server error (%1).</source>
        <translation>KIE 报告了服务器错误（%1）。</translation>
    </message>
    <message>
        <source>KIE reported a server error (%1): %2</source>
        <translation>KIE 报告了服务器错误（%1）：%2</translation>
    </message>
    <message>
        <source>KIE rejected the request (%1).</source>
        <translation>KIE 拒绝了该请求（%1）。</translation>
    </message>
    <message>
        <source>KIE rejected the request (%1): %2</source>
        <translation>KIE 拒绝了该请求（%1）：%2</translation>
    </message>
    <message>
        <source>No API key is available for this task.</source>
        <translation>此任务没有可用的 API 密钥。</translation>
    </message>
    <message>
        <source>Refusing to send the API key over an unencrypted connection.</source>
        <translation>拒绝通过未加密的连接发送 API 密钥。</translation>
    </message>
    <message>
        <source>Check your internet connection; the task is checked again automatically.</source>
        <translation>请检查网络连接；稍后会自动重新检查该任务。</translation>
    </message>
    <message>
        <source>This is usually temporary; the task is checked again automatically.</source>
        <translation>这通常是暂时性问题，稍后会自动重新检查该任务。</translation>
    </message>
    <message>
        <source>Check the API key in Keys (kie.ai → API Key), or its IP whitelist.</source>
        <translation>请在“API 密钥”中检查该密钥（kie.ai → API Key），或检查其 IP 白名单。</translation>
    </message>
    <message>
        <source>Top up credits on kie.ai; polling continues meanwhile.</source>
        <translation>请在 kie.ai 充值积分；在此期间会继续轮询。</translation>
    </message>
    <message>
        <source>A task that was just created can take a moment to appear; it is checked again shortly. If it persists, check the task ID and the key.</source>
        <translation>刚创建的任务可能需要片刻才能查到，稍后会自动重新检查。如果问题持续存在，请检查任务ID和密钥。</translation>
    </message>
    <message>
        <source>Nothing more can be fetched; download results within 14 days next time.</source>
        <translation>已无法再获取任何内容；下次请在 14 天内下载生成结果。</translation>
    </message>
    <message>
        <source>Check that the task ID is right and belongs to this API key.</source>
        <translation>请确认任务ID正确，且属于此 API 密钥。</translation>
    </message>
    <message>
        <source>Polling slows down by itself; nothing to do.</source>
        <translation>轮询会自动放慢，无需任何操作。</translation>
    </message>
    <message>
        <source>Wait until KIE&apos;s maintenance ends; polling resumes by itself.</source>
        <translation>请等待 KIE 维护结束，轮询会自动恢复。</translation>
    </message>
    <message>
        <source>Read KIE&apos;s message above; the request itself was not accepted.</source>
        <translation>请查看上方 KIE 返回的消息；该请求本身未被接受。</translation>
    </message>
    <message>
        <source>Add an API key (Keys → Add), then refresh.</source>
        <translation>请添加 API 密钥（API 密钥 → 添加），然后刷新。</translation>
    </message>
    <message>
        <source>Use an https:// API address.</source>
        <translation>请使用以 https:// 开头的 API 地址。</translation>
    </message>
    <message numerus="yes">
        <source>KIE had not finished this after %n minute(s); it is no longer checked.</source>
        <translation>
            <numerusform>KIE 在 %n 分钟后仍未完成，已停止查询。</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Retry to ask KIE again; nothing is charged twice.</source>
        <translation>点击“重试”再次向 KIE 请求；不会重复扣费。</translation>
    </message>
    <message>
        <source>network error</source>
        <extracomment>A few words for the Status column: the last check could not reach KIE</extracomment>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>no answer</source>
        <extracomment>A few words for the Status column: KIE did not answer in time</extracomment>
        <translation>无应答</translation>
    </message>
    <message>
        <source>offline</source>
        <extracomment>A few words for the Status column: the computer has no network</extracomment>
        <translation>离线</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <extracomment>A few words for the Status column: KIE&apos;s answer could not be read</extracomment>
        <translation>应答无法读取</translation>
    </message>
    <message>
        <source>server error</source>
        <extracomment>A few words for the Status column: KIE reported a server error (5xx)</extracomment>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>key refused</source>
        <extracomment>A few words for the Status column: KIE refused the API key (401)</extracomment>
        <translation>密钥被拒绝</translation>
    </message>
    <message>
        <source>out of credits</source>
        <extracomment>A few words for the Status column: the account has no credits left (402)</extracomment>
        <translation>积分不足</translation>
    </message>
    <message>
        <source>not found yet</source>
        <extracomment>A few words for the Status column: KIE does not know the task yet</extracomment>
        <translation>暂未找到</translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>A few words for the Status column: KIE&apos;s record is older than 14 days</extracomment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>unknown task</source>
        <extracomment>A few words for the Status column: KIE does not know the task ID</extracomment>
        <translation>未知任务</translation>
    </message>
    <message>
        <source>rate limited</source>
        <extracomment>A few words for the Status column: KIE asked to slow down (429)</extracomment>
        <translation>请求受限</translation>
    </message>
    <message>
        <source>KIE maintenance</source>
        <extracomment>A few words for the Status column: KIE is under maintenance (455)</extracomment>
        <translation>KIE 维护中</translation>
    </message>
    <message>
        <source>request rejected</source>
        <extracomment>A few words for the Status column: KIE rejected the request (4xx)</extracomment>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <source>no API key</source>
        <extracomment>A few words for the Status column: no API key for this task</extracomment>
        <translation>无 API 密钥</translation>
    </message>
    <message>
        <source>insecure address</source>
        <extracomment>A few words for the Status column: the API address is not https</extracomment>
        <translation>不安全的地址</translation>
    </message>
    <message>
        <source>gave up</source>
        <extracomment>A few words for the Status column: an upgrade not ready after its time limit</extracomment>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Watches KIE.AI Veo 3.1 render tasks until they finish.</source>
        <translation>跟踪 KIE.AI Veo 3.1 视频生成任务，直至完成。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本信息并退出。</translation>
    </message>
    <message>
        <source>Track these task IDs (same as listing them without an option).</source>
        <translation>跟踪这些任务ID（与不加选项直接列出任务ID的效果相同）。</translation>
    </message>
    <message>
        <source>Check each task ID once, print one JSON line per task and exit: 0 when all succeeded, 1 when some are still generating, 2 when any failed or could not be read.</source>
        <translation>将每个任务ID检查一次，每个任务输出一行 JSON 后退出：全部成功时返回 0，仍有任务生成中时返回 1，有任务失败或无法读取时返回 2。</translation>
    </message>
    <message>
        <source>Try the app with simulated tasks; no API key needed.</source>
        <translation>使用模拟任务试用本程序，无需 API 密钥。</translation>
    </message>
    <message>
        <source>API address (default https://api.kie.ai; also VEO_TRACKER_API_BASE).</source>
        <translation>API 地址（默认为 https://api.kie.ai；也可通过 VEO_TRACKER_API_BASE 设置）。</translation>
    </message>
    <message>
        <source>Interface language for this run: en or zh_CN.</source>
        <translation>本次运行使用的界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Store an API key under this label. The key is read from standard input, never from the command line.</source>
        <translation>以此名称保存一个 API 密钥。密钥从标准输入读取，绝不从命令行读取。</translation>
    </message>
    <message>
        <source>List the stored API keys (labels, hints, credits; never a secret).</source>
        <translation>列出已保存的 API 密钥（名称、末尾字符、积分；绝不显示密钥本身）。</translation>
    </message>
    <message>
        <source>Task IDs to track or check.</source>
        <translation>要跟踪或检查的任务ID。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use %2.</source>
        <translation>未知语言“%1”；请使用 %2。</translation>
    </message>
    <message>
        <source>Give the key on standard input, not as an argument: echo &quot;$KEY&quot; | veo-tracker --add-key LABEL</source>
        <translation>请通过标准输入提供密钥，不要作为参数传入：echo &quot;$KEY&quot; | veo-tracker --add-key LABEL</translation>
    </message>
    <message>
        <source>--add-key needs a label.</source>
        <translation>--add-key 需要指定名称。</translation>
    </message>
    <message>
        <source>--check needs at least one task ID.</source>
        <translation>--check 至少需要一个任务ID。</translation>
    </message>
    <message>
        <source>Not a task ID: %1</source>
        <translation>不是有效的任务ID：%1</translation>
    </message>
    <message>
        <source>--check does not read 4K versions (%1): reading one repeats its paid request. Watch it in the window.</source>
        <translation>--check 不查询 4K 版本（%1）：查询会重复其付费请求。请在窗口中查看。</translation>
    </message>
    <message>
        <source>Give one of --get-1080p, --get-4k or --extend, with one task ID.</source>
        <translation>请只指定 --get-1080p、--get-4k 或 --extend 中的一个，并附带一个任务ID。</translation>
    </message>
    <message>
        <source>--extend needs --prompt: what happens next.</source>
        <translation>--extend 需要 --prompt：描述视频接下来的内容。</translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; use fast, quality or lite.</source>
        <translation>未知模型“%1”；请使用 fast、quality 或 lite。</translation>
    </message>
    <message>
        <source>The video index after &quot;:&quot; must be a number from 0: %1</source>
        <translation>“:”后的视频序号必须是从 0 开始的数字：%1</translation>
    </message>
    <message>
        <source>--get-4k costs extra credits: add --yes to agree. It is sent once.</source>
        <translation>--get-4k 需要额外消耗积分：请加上 --yes 表示同意。请求只会发送一次。</translation>
    </message>
    <message>
        <source>Ask KIE for the 1080P version of a finished task&apos;s video (INDEX from 0, default 0; free). Prints one JSON line: 0 when accepted, 2 when refused.</source>
        <translation>向 KIE 请求已完成任务视频的 1080P 版本（INDEX 从 0 开始，默认为 0；免费）。输出一行 JSON：被接受时返回 0，被拒绝时返回 2。</translation>
    </message>
    <message>
        <source>Ask KIE for the 4K version (costs credits: needs --yes). Exits 3 when its answer was lost: it is never sent again.</source>
        <translation>向 KIE 请求 4K 版本（消耗积分：需要 --yes）。响应丢失时以 3 退出：该请求绝不会再次发送。</translation>
    </message>
    <message>
        <source>Agree to spend credits (--get-4k).</source>
        <translation>同意消耗积分（--get-4k）。</translation>
    </message>
    <message>
        <source>Extend a finished task&apos;s video with --prompt (costs credits). Exits 3 when its answer was lost: it is never sent again.</source>
        <translation>用 --prompt 延长已完成任务的视频（消耗积分）。响应丢失时以 3 退出：该请求绝不会再次发送。</translation>
    </message>
    <message>
        <source>%1 takes %3, not &quot;%2&quot;.</source>
        <extracomment>%1 = an option (--aspect), %2 = what was given, %3 = the values it takes</extracomment>
        <translation>%1 只接受 %3，而不是“%2”。</translation>
    </message>
    <message>
        <source>Give either --generate or --batch FILE, without task IDs.</source>
        <translation>请只给出 --generate 或 --batch FILE 其中之一，且不要附带任务ID。</translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; use veo3, veo3_fast or veo3_lite (or quality, fast, lite).</source>
        <translation>未知模型“%1”；请使用 veo3、veo3_fast 或 veo3_lite（或 quality、fast、lite）。</translation>
    </message>
    <message>
        <source>--seeds takes a number from 10000 to 99999, not &quot;%1&quot;.</source>
        <translation>--seeds 需要 10000 到 99999 之间的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>--generate needs --prompt: what the video shows.</source>
        <translation>--generate 需要 --prompt：描述视频的内容。</translation>
    </message>
    <message>
        <source>Start a new Veo 3.1 generation with --prompt (costs credits) and print one JSON line with its task ID: exit 0 when accepted, 2 when refused, 3 when its answer was lost (it may have been accepted: check kie.ai&apos;s logs; it is never sent again). Veo Tracker&apos;s window follows it from its next start.</source>
        <translation>用 --prompt 开始一个新的 Veo 3.1 生成（消耗积分），并输出一行含任务ID的 JSON：被接受时退出码为 0，被拒绝时为 2，响应丢失时为 3（请求可能已被接受：请查看 kie.ai 日志；它永远不会被再次发送）。Veo Tracker 窗口下次启动时会跟踪它。</translation>
    </message>
    <message>
        <source>Start every generation of a CSV or JSON file (one per row; the options below are the defaults for what a row leaves out), 20 every 10 seconds. One JSON line per generation as it is answered; exit 0 when all were accepted, 2 when any was refused, 3 when any answer was lost.</source>
        <translation>开始 CSV 或 JSON 文件中的每个生成（每行一个；下列选项是行中未填写字段的默认值），每 10 秒 20 个。每个生成得到响应时输出一行 JSON；全部被接受时退出码为 0，有被拒绝的为 2，有响应丢失的为 3。</translation>
    </message>
    <message>
        <source>The stored API key that pays (--generate, --batch; default: the default key).</source>
        <translation>用于付费的已保存 API 密钥（--generate、--batch；默认：默认密钥）。</translation>
    </message>
    <message>
        <source>What the video shows (--generate), or what happens next in it (--extend).</source>
        <translation>视频的内容（--generate），或视频接下来的内容（--extend）。</translation>
    </message>
    <message>
        <source>--generate: veo3_fast (default), veo3 or veo3_lite (also fast, quality, lite). --extend: fast (default), quality or lite.</source>
        <translation>--generate：veo3_fast（默认）、veo3 或 veo3_lite（也可写作 fast、quality、lite）。--extend：fast（默认）、quality 或 lite。</translation>
    </message>
    <message>
        <source>Aspect ratio: 16:9 (default), 9:16 or Auto.</source>
        <translation>宽高比：16:9（默认）、9:16 或 Auto。</translation>
    </message>
    <message>
        <source>720p (default), 1080p or 4k.</source>
        <translation>720p（默认）、1080p 或 4k。</translation>
    </message>
    <message>
        <source>A seed from 10000 to 99999 (default: KIE picks one).</source>
        <translation>10000 到 99999 之间的种子（默认：由 KIE 选择）。</translation>
    </message>
    <message>
        <source>Watermark text on the video.</source>
        <translation>视频上的水印文字。</translation>
    </message>
    <message>
        <source>Send the prompt as it is (KIE translates it to English by default).</source>
        <translation>按原样发送提示词（KIE 默认会把它翻译成英文）。</translation>
    </message>
    <message>
        <source>TEXT_2_VIDEO, FIRST_AND_LAST_FRAMES_2_VIDEO or REFERENCE_2_VIDEO (default: KIE decides from the images).</source>
        <translation>TEXT_2_VIDEO、FIRST_AND_LAST_FRAMES_2_VIDEO 或 REFERENCE_2_VIDEO（默认：由 KIE 根据图片决定）。</translation>
    </message>
    <message>
        <source>Give one command at a time: --generate, --batch, --get-1080p, --get-4k or --extend.</source>
        <translation>一次只能给出一个命令：--generate、--batch、--get-1080p、--get-4k 或 --extend。</translation>
    </message>
    <message>
        <source>--%1 goes with --generate or --batch.</source>
        <translation>--%1 只能与 --generate 或 --batch 一起使用。</translation>
    </message>
    <message>
        <source>--generate and --batch do not work in the demo: try New Generation in the demo&apos;s window.</source>
        <translation>--generate 和 --batch 不能在演示中使用：请在演示窗口中使用“新建生成”。</translation>
    </message>
    <message>
        <source>With --batch, --image takes an https address, not a file (%1): upload files with --generate --image or in the window. Nothing was sent.</source>
        <translation>使用 --batch 时，--image 只接受 https 地址，不接受文件（%1）：请用 --generate --image 或在窗口中上传文件。没有发送任何内容。</translation>
    </message>
    <message>
        <source>An image: a JPEG, PNG or WebP file (uploaded to KIE&apos;s file storage first) or its https address. Repeat for up to 3.</source>
        <translation>一张图片：JPEG、PNG 或 WebP 文件（先上传到 KIE 的文件存储）或它的 https 地址。可重复使用，最多 3 张。</translation>
    </message>
    <message>
        <source>--status and --since go with --export.</source>
        <translation>--status 和 --since 需要与 --export 一起使用。</translation>
    </message>
    <message>
        <source>--export writes the whole list (or --status and --since of it): it takes no task IDs.</source>
        <translation>--export 导出整个列表（或按 --status 和 --since 筛选的部分）：它不接受任务ID。</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; for --status; use one of: pending, generating, succeeded, failed, generation_failed, other_failure, unavailable.</source>
        <translation>--status 的状态“%1”无效；请使用以下之一：pending、generating、succeeded、failed、generation_failed、other_failure、unavailable。</translation>
    </message>
    <message>
        <source>--since takes a date such as 2026-12-01 (or 2026-12-01T08:00), not &quot;%1&quot;.</source>
        <translation>--since 需要 2026-12-01（或 2026-12-01T08:00）这样的日期，而不是“%1”。</translation>
    </message>
    <message>
        <source>Write the task list to this file and exit: JSON when it ends in .json, else CSV. Every field, key labels but never a secret.</source>
        <translation>把任务列表写入此文件后退出：以 .json 结尾时为 JSON，否则为 CSV。包含所有字段和密钥名称，绝不包含密钥本身。</translation>
    </message>
    <message>
        <source>With --export: only tasks with this status (pending, generating, succeeded, failed, generation_failed, other_failure, unavailable).</source>
        <translation>与 --export 一起使用：只导出此状态的任务（pending、generating、succeeded、failed、generation_failed、other_failure、unavailable）。</translation>
    </message>
    <message>
        <source>With --export: only tasks created on or after this date (2026-12-01, or a time such as 2026-12-01T08:00).</source>
        <translation>与 --export 一起使用：只导出在此日期当天或之后创建的任务（2026-12-01，或 2026-12-01T08:00 这样的时间）。</translation>
    </message>
    <message>
        <source>Add the task IDs in this file to the task list and exit: a CSV or JSON file as --export writes (keys by label), or text with IDs. An open window imports it.</source>
        <translation>将此文件中的任务 ID 添加到任务列表后退出：--export 生成的 CSV 或 JSON 文件（按名称匹配密钥），或含 ID 的文本。若窗口已打开，则由窗口导入。</translation>
    </message>
    <message>
        <source>--import takes only its file: no task IDs and no other command.</source>
        <translation>--import 只接受文件：不能同时给出任务 ID 或其他命令。</translation>
    </message>
</context>
<context>
    <name>CommandTemplate</name>
    <message>
        <source>A double quote (&quot;) is not closed: add the closing one.</source>
        <translation>双引号（&quot;）未闭合：请补上结尾的引号。</translation>
    </message>
    <message>
        <source>Single quotes do not keep words together here: use double quotes, as in &quot;two words&quot;.</source>
        <translation>此处单引号不能把多个词合为一个参数：请改用双引号，例如 &quot;two words&quot;。</translation>
    </message>
    <message>
        <source>Enter the program to run, for example: notify-send &quot;Video downloaded&quot; {file}</source>
        <translation>请输入要运行的程序，例如：notify-send &quot;Video downloaded&quot; {file}</translation>
    </message>
    <message>
        <source>Unknown placeholder %1. Use %2.</source>
        <extracomment>%1: what the user typed, e.g. {name}; %2: the list of placeholders</extracomment>
        <translation>未知的占位符 %1。可用的有：%2。</translation>
    </message>
    <message>
        <source>Start with the program to run, not a placeholder: a downloaded file is never run.</source>
        <translation>请以要运行的程序开头，而不是占位符：下载的文件永远不会被执行。</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>Queued</source>
        <extracomment>A download waiting for a free slot.</extracomment>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <extracomment>A finished download.</extracomment>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Download progress: bytes received of the file&apos;s size (&quot;12.4 MB of 48 MB&quot;)</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>Download speed, e.g. &quot;2.1 MB/s&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <extracomment>Time left for a download: hours and minutes</extracomment>
        <translation>剩余 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <extracomment>Time left for a download: minutes and seconds</extracomment>
        <translation>剩余 %1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <extracomment>Time left for a download: seconds</extracomment>
        <translation>剩余 %1 秒</translation>
    </message>
</context>
<context>
    <name>DownloadCoordinator</name>
    <message numerus="yes">
        <source>Downloading %n video(s).</source>
        <translation>
            <numerusform>正在下载 %n 个视频。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) already in the downloads.</source>
        <translation>
            <numerusform>%n 个视频已在下载列表中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) already downloaded.</source>
        <translation>
            <numerusform>%n 个视频已下载过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) have no video to download yet.</source>
        <translation>
            <numerusform>%n 个任务暂无可下载的视频。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>KIE deleted the videos of %n task(s) 14 days after they were made: they can no longer be downloaded.</source>
        <translation>
            <numerusform>KIE 已在 %n 个任务的视频生成 14 天后将其删除，无法再下载。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadError</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence saying what went wrong, %2 the system&apos;s own words for it.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The connection to the media server failed.</source>
        <translation>与媒体服务器的连接失败。</translation>
    </message>
    <message>
        <source>The media server answered with HTTP status %1.</source>
        <extracomment>%1 is an HTTP status code such as 500.</extracomment>
        <translation>媒体服务器返回了 HTTP 状态码 %1。</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <source>The download folder cannot be written to.</source>
        <translation>无法写入下载文件夹。</translation>
    </message>
    <message>
        <source>The file is larger than this system allows.</source>
        <translation>文件大小超出了本系统允许的上限。</translation>
    </message>
    <message>
        <source>The download link has expired or was removed (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code: 403, 404 or 410.</extracomment>
        <translation>下载链接已过期或已被移除（HTTP %1）。</translation>
    </message>
    <message>
        <source>The downloaded file does not have the expected size.</source>
        <translation>下载的文件大小与预期不符。</translation>
    </message>
    <message>
        <source>The file changed on the server while it was being downloaded.</source>
        <translation>下载过程中，服务器上的文件发生了变化。</translation>
    </message>
    <message>
        <source>Check the connection and try again; the download continues where it stopped.</source>
        <translation>请检查网络连接后重试，下载会从中断处继续。</translation>
    </message>
    <message>
        <source>Free some space and try again; what was downloaded so far is kept.</source>
        <translation>请释放一些磁盘空间后重试，已下载的部分会保留。</translation>
    </message>
    <message>
        <source>Choose a download folder on another drive (FAT32 drives cannot hold files over 4 GB).</source>
        <translation>请选择其他磁盘上的下载文件夹（FAT32 磁盘无法存放超过 4 GB 的文件）。</translation>
    </message>
    <message>
        <source>Get a fresh link and try again. KIE keeps generated videos for 14 days.</source>
        <translation>请获取新链接后重试。KIE 会将生成的视频保留 14 天。</translation>
    </message>
    <message>
        <source>Try again to download the file from the start.</source>
        <translation>请重新从头下载该文件。</translation>
    </message>
    <message>
        <source>Choose another download folder in Preferences, or fix the folder&apos;s permissions.</source>
        <translation>请在“首选项”中另选下载文件夹，或修正该文件夹的权限。</translation>
    </message>
</context>
<context>
    <name>DownloadMark</name>
    <message>
        <source>Queued</source>
        <extracomment>Download column: waiting to start downloading</extracomment>
        <translation>排队中</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>Download column: percentage downloaded so far</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Download column: the download is paused</extracomment>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>Download column: the download failed</extracomment>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>File missing</source>
        <extracomment>Download column: the downloaded file was deleted or moved</extracomment>
        <translation>文件丢失</translation>
    </message>
    <message>
        <source>The download failed. Open the Downloads panel to see why and retry.</source>
        <translation>下载失败。请打开“下载”面板查看原因并重试。</translation>
    </message>
    <message>
        <source>Downloaded: plays from disk. Right-click to open the file or its folder.</source>
        <translation>已下载：将从本地文件播放。右键单击可打开文件或其所在文件夹。</translation>
    </message>
    <message>
        <source>The downloaded file is no longer where it was saved. Download it again, or put it back.</source>
        <translation>已下载的文件已不在原保存位置。请重新下载，或将其放回原处。</translation>
    </message>
    <message numerus="yes">
        <source>Downloaded (%n)</source>
        <extracomment>Download column: the video is on disk; %n: how many videos when more than one</extracomment>
        <translation>
            <numerusform>已下载（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
</context>
<context>
    <name>FileNameTemplate</name>
    <message>
        <source>The “}” at position %1 has no matching “{”. Write “}}” for a brace in the name.</source>
        <extracomment>A file name template; %1 is a character position (1 = first).</extracomment>
        <translation>第 %1 个字符处的“}”没有匹配的“{”。如需在文件名中使用“}”，请写成“}}”。</translation>
    </message>
    <message>
        <source>The “{” at position %1 has no matching “}”.</source>
        <extracomment>A file name template; %1 is a character position (1 = first).</extracomment>
        <translation>第 %1 个字符处的“{”没有匹配的“}”。</translation>
    </message>
    <message>
        <source>Unknown field “{%1}”. Known fields: %2.</source>
        <extracomment>%1 is what the user wrote between braces, %2 the list of known fields.</extracomment>
        <translation>未知字段“{%1}”。可用字段：%2。</translation>
    </message>
    <message>
        <source>In “{prompt:N}”, N must be a number from 1 to %1.</source>
        <extracomment>{prompt:N} in a file name template; %1 is the largest allowed N.</extracomment>
        <translation>在“{prompt:N}”中，N 必须是 1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>The field “{%1}” takes no option after “:”.</source>
        <extracomment>%1 is a field name of a file name template, e.g. {taskId}.</extracomment>
        <translation>字段“{%1}”不接受“:”后面的选项。</translation>
    </message>
    <message>
        <source>The template is empty.</source>
        <translation>模板为空。</translation>
    </message>
    <message>
        <source>A red fox running through fresh snow at dawn, cinematic, slow motion</source>
        <extracomment>A sample prompt shown in the file name preview in Settings.</extracomment>
        <translation>黎明时分，一只赤狐在新雪中奔跑，电影感，慢动作</translation>
    </message>
</context>
<context>
    <name>KeyHealth</name>
    <message>
        <source>OK</source>
        <extracomment>Health of an API key: the last credits check worked</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not checked</source>
        <extracomment>Health of an API key: never checked successfully with KIE.AI</extracomment>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Invalid key</source>
        <extracomment>Health of an API key: KIE.AI refused it (HTTP 401)</extracomment>
        <translation>密钥无效</translation>
    </message>
    <message>
        <source>No credits</source>
        <extracomment>Health of an API key: the account has no credits left</extracomment>
        <translation>积分已用完</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <extracomment>Health of an API key: KIE.AI asked to slow down (HTTP 429)</extracomment>
        <translation>请求受限</translation>
    </message>
    <message>
        <source>KIE.AI unreachable</source>
        <extracomment>Health of an API key: KIE.AI could not be reached to check it</extracomment>
        <translation>无法连接 KIE.AI</translation>
    </message>
    <message>
        <source>Missing from the keyring</source>
        <extracomment>Health of an API key: its secret is missing from the system keyring</extracomment>
        <translation>密钥环中不存在</translation>
    </message>
    <message>
        <source>Error</source>
        <extracomment>Health of an API key: some other error</extracomment>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>MediaHost</name>
    <message>
        <source>The file is larger than %1 MB.</source>
        <extracomment>a preview picture on the media host; %1 = a size limit in MB</extracomment>
        <translation>文件大于 %1 MB。</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s).</source>
        <extracomment>a preview picture on the media host</extracomment>
        <translation>
            <numerusform>%n 秒内没有响应。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaSource</name>
    <message>
        <source>Result</source>
        <extracomment>Video source in the player&apos;s switcher: the generated video (KIE&apos;s resultUrls)</extracomment>
        <translation>生成结果</translation>
    </message>
    <message>
        <source>Origin</source>
        <extracomment>Video source in the player&apos;s switcher: the original video before it was reframed to the requested aspect ratio (KIE&apos;s originUrls)</extracomment>
        <translation>原始视频</translation>
    </message>
    <message>
        <source>Full (extended)</source>
        <extracomment>Video source in the player&apos;s switcher: the complete video after an extension (KIE&apos;s fullResultUrls)</extracomment>
        <translation>完整视频（扩展后）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Several videos of one kind: %1 is the kind (&quot;Result&quot;), %2 its number (1, 2, ...)</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>PlayerControls</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tooltip of a player control: %1 is the action (&quot;Play&quot;), %2 its keyboard shortcut</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>PlayerPane</name>
    <message>
        <source>This video link has expired</source>
        <extracomment>Player error title: the media host no longer serves the video at this address</extracomment>
        <translation>视频链接已过期</translation>
    </message>
    <message>
        <source>The downloaded file can&apos;t be read</source>
        <extracomment>Player error title: the downloaded video file cannot be read</extracomment>
        <translation>无法读取已下载的文件</translation>
    </message>
    <message>
        <source>The video couldn&apos;t be loaded</source>
        <extracomment>Player error title: a network problem while streaming the video</extracomment>
        <translation>视频加载失败</translation>
    </message>
    <message>
        <source>This isn&apos;t a playable video</source>
        <extracomment>Player error title: the received data is not a playable video</extracomment>
        <translation>这不是可播放的视频</translation>
    </message>
    <message>
        <source>A video codec is missing</source>
        <extracomment>Player error title: the system lacks a decoder for the video format</extracomment>
        <translation>缺少视频解码器</translation>
    </message>
    <message>
        <source>The video couldn&apos;t be played</source>
        <extracomment>Player error title: any other playback failure</extracomment>
        <translation>视频无法播放</translation>
    </message>
    <message>
        <source>KIE&apos;s video links work only for a limited time. Get a fresh link to keep watching, and download the video to keep a copy.</source>
        <extracomment>Player error advice for an expired link</extracomment>
        <translation>KIE 的视频链接仅在有限时间内有效。获取新链接即可继续观看；如需保留副本，请下载视频。</translation>
    </message>
    <message>
        <source>The file may have been moved or deleted. Play the online copy instead, or download the video again.</source>
        <extracomment>Player error advice when the downloaded copy is gone or unreadable</extracomment>
        <translation>该文件可能已被移动或删除。请改为播放在线版本，或重新下载视频。</translation>
    </message>
    <message>
        <source>The media server couldn&apos;t be reached or answered with an error. Check your internet connection, then try again.</source>
        <extracomment>Player error advice for a network problem</extracomment>
        <translation>无法连接媒体服务器，或服务器返回了错误。请检查网络连接，然后重试。</translation>
    </message>
    <message>
        <source>The file may be damaged or incomplete. Open it in the browser, or download it again.</source>
        <extracomment>Player error advice when the data is not a video</extracomment>
        <translation>该文件可能已损坏或不完整。请在浏览器中打开，或重新下载。</translation>
    </message>
    <message>
        <source>Install the packages gstreamer1.0-libav (H.264/AAC) and gstreamer1.0-plugins-good, then restart Veo Tracker. Until then, open the video with the system player.</source>
        <extracomment>Player error advice when a codec is missing. Keep the Debian package names as they are.</extracomment>
        <translation>请安装 gstreamer1.0-libav（H.264/AAC）和 gstreamer1.0-plugins-good 软件包，然后重启 Veo Tracker。在此之前，可以用系统播放器打开视频。</translation>
    </message>
    <message>
        <source>Try again, or open the video in the browser or with the system player.</source>
        <extracomment>Player error advice for any other failure</extracomment>
        <translation>请重试，或在浏览器中打开视频，或用系统播放器打开。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <extracomment>Appended to a player error: %1 is the media backend&apos;s own (often English) message</extracomment>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>PostDownloadCommand</name>
    <message>
        <source>Command waiting</source>
        <extracomment>Downloads panel: the command run after a download waits for others to end</extracomment>
        <translation>命令等待中</translation>
    </message>
    <message>
        <source>Running command…</source>
        <translation>正在运行命令…</translation>
    </message>
    <message>
        <source>Command ran (exit %1)</source>
        <extracomment>Downloads panel: the command run after the download ended well; %1 is 0</extracomment>
        <translation>命令已运行（退出码 %1）</translation>
    </message>
    <message>
        <source>Command failed: exit %1</source>
        <extracomment>Downloads panel: the command run after the download ended with exit status %1</extracomment>
        <translation>命令失败：退出码 %1</translation>
    </message>
    <message>
        <source>Command failed: it crashed</source>
        <translation>命令失败：程序崩溃</translation>
    </message>
    <message>
        <source>Command could not start: %1</source>
        <extracomment>Downloads panel: %1 says why the command run after the download could not start</extracomment>
        <translation>命令无法启动：%1</translation>
    </message>
    <message>
        <source>Command timed out and was stopped</source>
        <translation>命令超时，已被终止</translation>
    </message>
</context>
<context>
    <name>ScriptCommand</name>
    <message>
        <source>The key &quot;%1&quot; could not be read from the keychain.</source>
        <translation>无法从钥匙串读取密钥“%1”。</translation>
    </message>
    <message>
        <source>No key is labelled &quot;%1&quot;: `veo-tracker --list-keys` shows the labels.</source>
        <translation>没有标签为“%1”的密钥：`veo-tracker --list-keys` 会列出所有标签。</translation>
    </message>
    <message>
        <source>No API key: set KIE_API_KEY, or save a key in Veo Tracker first.</source>
        <translation>没有 API 密钥：请设置 KIE_API_KEY，或先在 Veo Tracker 中保存密钥。</translation>
    </message>
</context>
<context>
    <name>TaskImporter</name>
    <message numerus="yes">
        <source>Added %n task(s).</source>
        <extracomment>Import: the first line of the report</extracomment>
        <translation>
            <numerusform>已添加 %n 个任务。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked.</source>
        <translation>
            <numerusform>另有 %n 个任务已在跟踪中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be saved in the task database: try importing the file again.</source>
        <translation>
            <numerusform>%n 个任务无法保存到任务数据库：请重新导入该文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; not found: its tasks were added with the default key.</source>
        <extracomment>Import: a row names a key label that no saved key has</extracomment>
        <translation>未找到密钥“%1”：其任务已使用默认密钥添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) held no task ID and were left out:</source>
        <translation>
            <numerusform>%n 行不含任务 ID，已跳过：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 1080P or 4K upgrade(s) were left out: ask for them again with Upgrade once their original is listed.</source>
        <translation>
            <numerusform>已跳过 %n 个 1080P 或 4K 升级：待原任务在列表中后，用“升级”重新获取。</numerusform>
        </translation>
    </message>
    <message>
        <source>  item %1: %2</source>
        <extracomment>Import: one left-out line of the file; %1 = its number, %2 = what it held</extracomment>
        <translation>  第 %1 项：%2</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>  and %n more.</source>
        <translation>
            <numerusform>  另有 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a text file: import a CSV, JSON or text file with task IDs (UTF-8), such as Export Tasks writes.</source>
        <translation>%1 不是文本文件：请导入含任务 ID 的 CSV、JSON 或文本文件（UTF-8），例如“导出任务”生成的文件。</translation>
    </message>
    <message>
        <source>%1 is empty: nothing was imported.</source>
        <translation>%1 是空文件：未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Waiting</source>
        <extracomment>Task status: added, KIE has not reported it yet</extracomment>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Generating</source>
        <extracomment>Task status, successFlag 0 (KIE CN docs: 生成中)</extracomment>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <extracomment>Task status, successFlag 1 (KIE CN docs: 成功)</extracomment>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>Task status, successFlag 2 (KIE CN docs: 失败)</extracomment>
        <translation>失败</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <extracomment>Task status, successFlag 3 (KIE CN docs: 生成失败)</extracomment>
        <translation>生成失败</translation>
    </message>
    <message>
        <source>Failed (flag %1)</source>
        <extracomment>Task status for an undocumented successFlag value; %1 is that raw value</extracomment>
        <translation>失败（标志值 %1）</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <extracomment>Task status: KIE no longer has the record (expired after 14 days, or never existed)</extracomment>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>TokenResult</name>
    <message>
        <source>No API key is stored in the system keyring under this name. Enter the key again to store it.</source>
        <extracomment>Keyring read: the Secret Service works, but has no entry for this API key name</extracomment>
        <translation>系统密钥环中没有以此名称保存的 API 密钥。请重新输入密钥以保存。</translation>
    </message>
    <message>
        <source>No Secret Service (system keyring) is running, so API keys cannot be stored securely. Install and start gnome-keyring or KWallet (Debian: apt install gnome-keyring libsecret-1-0), then restart Veo Tracker. Meanwhile you can use a session-only key, which is forgotten when the app quits.</source>
        <extracomment>Keyring unusable: no Secret Service (gnome-keyring, KWallet) answers on D-Bus. Keep the package names and the command unchanged.</extracomment>
        <translation>没有正在运行的 Secret Service（系统密钥环），因此无法安全地保存 API 密钥。请安装并启动 gnome-keyring 或 KWallet（Debian：apt install gnome-keyring libsecret-1-0），然后重启 Veo Tracker。在此期间，可以使用仅限本次会话的密钥，退出程序后即被清除。</translation>
    </message>
    <message>
        <source>The system keyring is locked or refused access. Unlock it (for example in &quot;Passwords and Keys&quot; or by logging in again) and try again.</source>
        <extracomment>Keyring exists but refused access: locked (e.g. no login unlock) or the user said no</extracomment>
        <translation>系统密钥环已锁定或拒绝访问。请将其解锁（例如在“密码和密钥”中解锁，或重新登录），然后重试。</translation>
    </message>
    <message>
        <source>The keyring operation was cancelled.</source>
        <extracomment>Keyring operation cancelled (by the user or because the app is closing)</extracomment>
        <translation>密钥环操作已取消。</translation>
    </message>
    <message>
        <source>The system keyring reported an unknown error.</source>
        <extracomment>Keyring failure without any further explanation from the keyring</extracomment>
        <translation>系统密钥环报告了未知错误。</translation>
    </message>
    <message>
        <source>The system keyring reported an error: %1</source>
        <extracomment>Keyring failure; %1 is the keyring&apos;s own message, usually English</extracomment>
        <translation>系统密钥环报告了错误：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No API key: set KIE_API_KEY, or save a key in Veo Tracker first.</source>
        <translation>没有 API 密钥：请设置 KIE_API_KEY，或先在 Veo Tracker 中保存一个密钥。</translation>
    </message>
    <message>
        <source>Veo Tracker</source>
        <translation>Veo Tracker</translation>
    </message>
    <message>
        <source>Could not start the simulated KIE server for the demo on 127.0.0.1.</source>
        <translation>无法在 127.0.0.1 上启动用于演示的模拟 KIE 服务器。</translation>
    </message>
    <message>
        <source>Veo Tracker is already running but does not answer (%1). Close it, or end its process, and try again.</source>
        <translation>Veo Tracker 已在运行，但没有响应（%1）。请关闭它或结束其进程，然后重试。</translation>
    </message>
    <message>
        <source>Try `veo-tracker --help`.</source>
        <translation>请尝试 `veo-tracker --help`。</translation>
    </message>
    <message>
        <source>Veo Tracker could not start itself again (%1). Quit it and start it yourself: veo-tracker %2</source>
        <translation>Veo Tracker 无法自行重新启动（%1）。请退出后手动启动：veo-tracker %2</translation>
    </message>
    <message>
        <source>Veo Tracker is running and owns the task list: use Upgrade and Extend in its window, or quit it and run this again. Nothing was sent.</source>
        <translation>Veo Tracker 正在运行并占用任务列表：请在其窗口中使用“升级与延长”，或退出后再运行此命令。未发送任何请求。</translation>
    </message>
    <message>
        <source>Veo Tracker is running and owns the task list: use New Generation in its window, or quit it and run this again. Nothing was sent.</source>
        <translation>Veo Tracker 正在运行并占用任务列表：请在其窗口中使用“新建生成”，或退出后再运行此命令。未发送任何请求。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>--export FILE; %2 = the system&apos;s reason</extracomment>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <extracomment>--export FILE</extracomment>
        <translation>
            <numerusform>已将 %n 个任务导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <extracomment>--import FILE; %2 = the system&apos;s reason</extracomment>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Veo Tracker is running but does not answer: use File &gt; Import Tasks… in its window (or drop the file on it), or quit it and run this again. Nothing was added.</source>
        <translation>Veo Tracker 正在运行但没有响应：请在其窗口中使用“文件 &gt; 导入任务…”（或将文件拖到窗口上），或退出后重新运行此命令。未添加任何任务。</translation>
    </message>
    <message>
        <source>Veo Tracker is running: its window imports %1 and shows what it added.</source>
        <extracomment>--import while the window is open; %1 = the file</extracomment>
        <translation>Veo Tracker 正在运行：其窗口将导入 %1 并显示添加结果。</translation>
    </message>
    <message>
        <source>Could not read the whole task list (%1); nothing was exported.</source>
        <extracomment>--export; %1 = SQLite&apos;s reason</extracomment>
        <translation>无法读取完整的任务列表（%1）；未导出任何内容。</translation>
    </message>
</context>
<context>
    <name>veo</name>
    <message>
        <source>Describe the video: the prompt is empty.</source>
        <translation>请描述视频内容：提示词为空。</translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;.</source>
        <translation>未知模型“%1”。</translation>
    </message>
    <message>
        <source>Unknown aspect ratio &quot;%1&quot;.</source>
        <translation>未知宽高比“%1”。</translation>
    </message>
    <message>
        <source>Unknown resolution &quot;%1&quot;.</source>
        <translation>未知分辨率“%1”。</translation>
    </message>
    <message>
        <source>Seeds must be a number from 10000 to 99999.</source>
        <translation>种子必须是 10000 到 99999 之间的数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image address KIE can fetch (http or https).</source>
        <translation>“%1”不是 KIE 能获取的图片地址（需为 http 或 https）。</translation>
    </message>
    <message>
        <source>Text to video takes no images: choose another type or remove them.</source>
        <translation>文生视频不使用图片：请选择其他类型或移除图片。</translation>
    </message>
    <message>
        <source>First and last frames need one or two images.</source>
        <translation>首尾帧模式需要一到两张图片。</translation>
    </message>
    <message>
        <source>Reference images need one to three images.</source>
        <translation>参考图模式需要一到三张图片。</translation>
    </message>
    <message>
        <source>KIE makes videos from reference images with the Fast model only.</source>
        <translation>KIE 仅支持用 Fast 模型根据参考图生成视频。</translation>
    </message>
    <message>
        <source>At most two images (first and last frame), or three as reference images.</source>
        <translation>最多两张图片（首帧和尾帧），或作为参考图最多三张。</translation>
    </message>
    <message>
        <source>Unknown generation type &quot;%1&quot;.</source>
        <translation>未知生成类型“%1”。</translation>
    </message>
    <message>
        <source>%1 and the rest were left out: a batch holds at most %2 generations; split it.</source>
        <translation>%1 及其后的内容未被采用：一个批次最多 %2 个生成，请拆分文件。</translation>
    </message>
    <message>
        <source>%1 has no prompt.</source>
        <translation>%1 没有提示词。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The file holds no generations: a JSON batch is an array of objects with a &quot;prompt&quot; each.</source>
        <translation>文件中没有生成任务：JSON 批次应为对象数组，每个对象都有 &quot;prompt&quot;。</translation>
    </message>
    <message>
        <source>Item %1</source>
        <extracomment>A generation in a JSON batch file, counted from 1</extracomment>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>%1 is not an object with a prompt.</source>
        <translation>%1 不是带有提示词的对象。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is not a field of a generation and was left out.</source>
        <translation>列“%1”不是生成参数，已忽略。</translation>
    </message>
    <message>
        <source>The file has no &quot;prompt&quot; column: its first row must name the fields (prompt, model, aspect_ratio, seeds...).</source>
        <translation>文件没有 &quot;prompt&quot; 列：第一行必须写明字段名（prompt、model、aspect_ratio、seeds……）。</translation>
    </message>
    <message>
        <source>Row %1</source>
        <extracomment>A row of a CSV batch file as a spreadsheet numbers it (the header is row 1)</extracomment>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a value of %3.</source>
        <translation>%1：“%2”不是 %3 的有效值。</translation>
    </message>
    <message>
        <source>The file has a header row but no generations.</source>
        <translation>文件只有表头，没有生成任务。</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>文件不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
</context>
<context>
    <name>veo::AddKeyPage</name>
    <message>
        <source>Another key is already labelled &quot;%1&quot;.</source>
        <translation>已有其他密钥名为“%1”。</translation>
    </message>
    <message>
        <source>Checking the key with KIE.AI…</source>
        <extracomment>Keys dialog: the new key is being checked with KIE.AI&apos;s credits endpoint</extracomment>
        <translation>正在通过 KIE.AI 验证密钥…</translation>
    </message>
    <message>
        <source>KIE.AI does not accept this key: it is wrong or was revoked. Check that it was copied completely. Nothing was saved.</source>
        <extracomment>Keys dialog: KIE.AI answered 401 for the key being added</extracomment>
        <translation>KIE.AI 不接受此密钥：密钥有误或已被撤销。请检查密钥是否复制完整。未保存任何内容。</translation>
    </message>
    <message>
        <source>The key could not be checked: %1 You can save it anyway; it is marked as not checked until KIE.AI answers.</source>
        <extracomment>Keys dialog: the new key could not be checked; %1 says why</extracomment>
        <translation>无法验证该密钥：%1你仍可以保存它；在 KIE.AI 响应之前，它会被标记为“未验证”。</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <extracomment>Keys dialog: the key is being written to the system keyring</extracomment>
        <translation>正在将密钥保存到系统密钥环…</translation>
    </message>
    <message>
        <source>The key was not saved: %1</source>
        <extracomment>Keys dialog: storing the key failed; %1 explains why</extracomment>
        <translation>密钥未保存：%1</translation>
    </message>
    <message>
        <source>Create or copy a key at &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt;. It is checked with KIE.AI, then kept in the system keyring, never in a file.</source>
        <translation>请在 &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt; 创建或复制密钥。密钥会先经 KIE.AI 验证，然后保存在系统密钥环中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <extracomment>Add-key form: the name for the new API key, e.g. &quot;Client A&quot;</extracomment>
        <translation>名称(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. Personal, Client A</source>
        <translation>例如：个人、客户 A</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <extracomment>Add-key form: the API key itself</extracomment>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hold to show the key</source>
        <translation>按住以显示密钥</translation>
    </message>
    <message>
        <source>Use for this session only (do not store)</source>
        <translation>仅用于本次会话（不保存）</translation>
    </message>
    <message>
        <source>Check and &amp;Save</source>
        <extracomment>Add-key form button: check the key with KIE.AI, then store it</extracomment>
        <translation>验证并保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;Anyway</source>
        <extracomment>Add-key form button, offered when KIE.AI could not be reached</extracomment>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>veo::AddTasksDialog</name>
    <message>
        <source>Add Tasks</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Paste one or more task IDs: one per line, or separated by spaces or commas. Links that contain taskId=… work too.</source>
        <translation>粘贴一个或多个任务ID：每行一个，或用空格、逗号分隔。也可以粘贴包含 taskId=… 的链接。</translation>
    </message>
    <message>
        <source>Task IDs</source>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>e.g. veo_task_abcdef123456</source>
        <translation>例如 veo_task_abcdef123456</translation>
    </message>
    <message numerus="yes">
        <source>%n task ID(s) ready to add.</source>
        <translation>
            <numerusform>可添加 %n 个任务ID。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated ID(s) will be added once.</source>
        <translation>
            <numerusform>%n 个重复的任务ID只会添加一次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) are not task IDs and will be skipped: %1</source>
        <translation>
            <numerusform>%n 项不是任务ID，将被跳过：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An API key in the key list. %1: the key&apos;s name, %2: the end of the key (&quot;…abcd&quot;)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — default</source>
        <extracomment>Marks the default API key in the key list. %1: the key&apos;s name and hint</extracomment>
        <translation>%1 — 默认</translation>
    </message>
    <message>
        <source>Try all keys</source>
        <extracomment>Last entry of the key list: for task IDs whose key is not known</extracomment>
        <translation>尝试所有密钥</translation>
    </message>
    <message>
        <source>Each key is asked in turn, the default first; the task is kept with the key that knows it.</source>
        <translation>依次用每个密钥查询（先用默认密钥），任务将归入能查到它的密钥。</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <extracomment>Label of the list of API keys in the Add Tasks dialog</extracomment>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API key for these tasks</source>
        <translation>这些任务使用的 API 密钥</translation>
    </message>
    <message>
        <source>The key the tasks are checked with. Choose “Try all keys” when you do not know which key created them.</source>
        <translation>用于检查这些任务的密钥。如果不确定任务是用哪个密钥创建的，请选择“尝试所有密钥”。</translation>
    </message>
</context>
<context>
    <name>veo::CostLedger</name>
    <message>
        <source>Could not save what the task %1 cost to the task database.</source>
        <translation>无法将任务 %1 的积分消耗保存到任务数据库。</translation>
    </message>
</context>
<context>
    <name>veo::CreateRequests</name>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation>请求无法保存，因此未发送。</translation>
    </message>
    <message>
        <source>This computer is offline; nothing was sent.</source>
        <translation>本机处于离线状态，未发送任何请求。</translation>
    </message>
    <message>
        <source>This request is not waiting to be sent again.</source>
        <translation>此请求不在等待重新发送的状态。</translation>
    </message>
    <message>
        <source>Could not save the state of the request.</source>
        <translation>无法保存该请求的状态。</translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation>任务 %1 并未在等待任务 ID。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task ID.</source>
        <translation>“%1”不是有效的任务ID。</translation>
    </message>
    <message>
        <source>Could not save the new task ID %1 to the task database.</source>
        <translation>无法将新任务 ID %1 保存到任务数据库。</translation>
    </message>
    <message>
        <source>Could not save the state of requests sent before the app stopped.</source>
        <translation>无法保存程序退出前已发送请求的状态。</translation>
    </message>
</context>
<context>
    <name>veo::CreditChart</name>
    <message>
        <source>No balance readings yet: the balance is read every 10 minutes while the app runs.</source>
        <translation>还没有余额记录：应用运行期间每 10 分钟读取一次余额。</translation>
    </message>
    <message>
        <source>No balance readings this day.</source>
        <extracomment>Credits chart: nothing was read on the day under the mouse</extracomment>
        <translation>这一天没有余额记录。</translation>
    </message>
    <message>
        <source>Spent: %L1 credits</source>
        <extracomment>Credits chart: what the key spent on the day under the mouse</extracomment>
        <translation>花费：%L1 积分</translation>
    </message>
    <message>
        <source>Topped up: %L1 credits</source>
        <extracomment>Credits chart: credits added to the key (a top-up on kie.ai) on that day</extracomment>
        <translation>充值：%L1 积分</translation>
    </message>
    <message>
        <source>Last balance read: %L1 credits</source>
        <extracomment>Credits chart: the balance read last on that day</extracomment>
        <translation>最后读取的余额：%L1 积分</translation>
    </message>
    <message>
        <source>Counts what changed since %1, the reading before this day.</source>
        <extracomment>Credits chart: %1 = date and time of the reading before this day</extracomment>
        <translation>包含自 %1（这一天之前的最后一次读取）以来的变化。</translation>
    </message>
    <message>
        <source>Line: balance · Bars: spent per day · ▲ top-up</source>
        <extracomment>Credits chart legend: the line, the bars and the marks</extracomment>
        <translation>折线：余额 · 柱形：每日花费 · ▲ 充值</translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>Credits chart: the format of the dates under the chart (QDate::toString), without year</extracomment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>veo::DBusService</name>
    <message>
        <source>Not task IDs: %1. A task ID is 8 to 128 letters, digits, _ or -. Nothing was added.</source>
        <extracomment>D-Bus AddTasks; %1: the refused entries, quoted</extracomment>
        <translation>以下不是任务ID：%1。任务ID由 8 到 128 个字母、数字、_ 或 - 组成。未添加任何任务。</translation>
    </message>
    <message>
        <source>No task ID given: pass one or more.</source>
        <translation>未提供任务ID：请传入一个或多个。</translation>
    </message>
    <message>
        <source>No key is labelled &quot;%1&quot;: API Keys… in the window (or `veo-tracker --list-keys`) shows the labels, &quot;&quot; is the default key. Nothing was added.</source>
        <extracomment>D-Bus AddTasks with a key label no stored key has</extracomment>
        <translation>没有标签为“%1”的密钥：窗口中的“API 密钥…”（或 `veo-tracker --list-keys`）会列出所有标签，&quot;&quot; 表示默认密钥。未添加任何任务。</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;: use one of %2, or &quot;&quot; for every task.</source>
        <extracomment>D-Bus ListTasks; %2: the status keys, e.g. &quot;pending&quot;, &quot;succeeded&quot;</extracomment>
        <translation>未知状态“%1”：请使用 %2 之一，或用 &quot;&quot; 表示全部任务。</translation>
    </message>
    <message>
        <source>AddTasks adds a task.</source>
        <translation>可用 AddTasks 添加任务。</translation>
    </message>
    <message>
        <source>Nothing was refreshed.</source>
        <translation>未刷新任何任务。</translation>
    </message>
    <message>
        <source>Nothing was downloaded.</source>
        <translation>未下载任何内容。</translation>
    </message>
    <message>
        <source>Not in the task list: %1. %2</source>
        <extracomment>D-Bus: %1 the task IDs that are not listed, %2 what was not done (&quot;Nothing was refreshed.&quot;)</extracomment>
        <translation>不在任务列表中：%1。%2</translation>
    </message>
</context>
<context>
    <name>veo::DownloadCoordinator</name>
    <message>
        <source>The video was saved, but its description file (%1) could not be written: %2</source>
        <translation>视频已保存，但无法写入其说明文件（%1）：%2</translation>
    </message>
    <message>
        <source>The link to “%1” has expired and KIE did not give a new one: %2 %3</source>
        <extracomment>%1: a file name; %2: why KIE did not give a new link; %3: what to do</extracomment>
        <translation>“%1”的链接已过期，且 KIE 未提供新链接：%2 %3</translation>
    </message>
    <message>
        <source>The link to “%1” has expired, and a new one needs the task&apos;s API key, which is not available. Give the task a key (Change Key), then retry the download.</source>
        <extracomment>%1: a file name</extracomment>
        <translation>“%1”的链接已过期，获取新链接需要该任务的 API 密钥，但该密钥不可用。请先为任务指定密钥（更换密钥），再重试下载。</translation>
    </message>
</context>
<context>
    <name>veo::DownloadListModel</name>
    <message>
        <source>%1
Task %2</source>
        <extracomment>Tooltip of a download: where the file goes and which task it belongs to</extracomment>
        <translation>%1
任务 %2</translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Downloads panel column: the file&apos;s name</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <source>Progress</source>
        <extracomment>Downloads panel column: how much is downloaded</extracomment>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <extracomment>Downloads panel column: bytes per second</extracomment>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <extracomment>Downloads panel column: estimated time until the download is complete</extracomment>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Downloads panel column: queued, downloading, failed (with why)...</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Downloads panel status: %1 &quot;Downloaded&quot;, %2 what the command run after it did</extracomment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>veo::DownloadsDock</name>
    <message>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
    <message>
        <source>Do&amp;wnloads</source>
        <extracomment>View menu / toolbar: show or hide the Downloads panel</extracomment>
        <translation>下载列表(&amp;W)</translation>
    </message>
    <message>
        <source>Show or hide the Downloads panel (%1)</source>
        <translation>显示或隐藏“下载”面板（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n downloading</source>
        <extracomment>Status bar button: downloads going on; opens the Downloads panel</extracomment>
        <translation>
            <numerusform>%n 个下载中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::DownloadsPanel</name>
    <message>
        <source>No downloads yet. Select finished tasks and choose Download (%1), or turn on automatic downloads in Preferences.</source>
        <translation>暂无下载。选中已完成的任务后点击“下载”（%1），或在“首选项”中开启自动下载。</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Downloads panel button</extracomment>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <extracomment>Downloads panel button</extracomment>
        <translation>继续</translation>
    </message>
    <message>
        <source>Retry</source>
        <extracomment>Downloads panel button: try a failed download again</extracomment>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Downloads panel button: stop a download and delete what was downloaded of it</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected downloads and delete their partial files (%1)</source>
        <translation>停止所选下载，并删除未下载完的部分文件（%1）</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>Downloads panel button: open the downloaded video with the system&apos;s player</extracomment>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <extracomment>Downloads panel button: remove finished and cancelled downloads from this list</extracomment>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Remove completed and cancelled downloads from this list; the files stay on disk</source>
        <translation>从列表中移除已完成和已取消的下载；文件仍保留在磁盘上</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
</context>
<context>
    <name>veo::Engine</name>
    <message numerus="yes">
        <source>The API key “%1” has %n credit(s) left (you are warned below %L2). Top up on kie.ai to keep rendering.</source>
        <extracomment>%n: credits left; %1: the key&apos;s label; %L2: the warning level</extracomment>
        <translation>
            <numerusform>API 密钥“%1”仅剩 %n 积分（低于 %L2 时提醒）。请在 kie.ai 充值，以便继续生成视频。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of your API keys can see %n task(s): %1. Check the IDs, or add the key of the account that created them (API Keys…).</source>
        <extracomment>%1: one task ID, or several separated by commas</extracomment>
        <translation>
            <numerusform>你的所有 API 密钥都查不到这 %n 个任务：%1。请检查任务ID，或添加创建这些任务的账户的密钥（API 密钥…）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>无法将 %n 项任务更新保存到任务数据库。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::ExportActions</name>
    <message>
        <source>E&amp;xport Tasks…</source>
        <translation>导出任务(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the selected tasks, or all, as a CSV or JSON file with every field (never a key&apos;s secret)</source>
        <translation>把选中的任务（或全部任务）连同所有字段保存为 CSV 或 JSON 文件（绝不包含密钥本身）</translation>
    </message>
    <message>
        <source>There are no tasks to export yet.</source>
        <translation>还没有可导出的任务。</translation>
    </message>
    <message>
        <source>Export Tasks</source>
        <translation>导出任务</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected task(s), or all %1?</source>
        <translation>
            <numerusform>导出选中的 %n 个任务，还是全部 %1 个？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Selected</source>
        <translation>选中的(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>全部(&amp;A)</translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv);;JSON (*.json)</source>
        <translation>CSV，适用于电子表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or file name.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹或文件名。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个任务导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::ExtendDialog</name>
    <message>
        <source>Extend Video</source>
        <translation>延长视频</translation>
    </message>
    <message>
        <source>KIE continues the video of task %1 from its last frame, following this prompt.</source>
        <translation>KIE 将按照此提示词，从任务 %1 视频的最后一帧继续生成。</translation>
    </message>
    <message>
        <source>Fast</source>
        <extracomment>Extension models, as KIE&apos;s extend endpoint names them</extracomment>
        <translation>快速</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>高质量</translation>
    </message>
    <message>
        <source>Lite</source>
        <translation>轻量</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>An extension is a new generation: KIE charges it to this key. The request is sent once; if its answer is lost, it is not sent again.</source>
        <translation>延长是一次新的生成：KIE 会从此密钥扣除积分。请求只发送一次；如果响应丢失，不会再次发送。</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Watermark:</source>
        <translation>水印：</translation>
    </message>
    <message>
        <source>Charged to:</source>
        <translation>扣费密钥：</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::FollowUpActions</name>
    <message>
        <source>KIE accepted the extension: task %1.</source>
        <translation>KIE 已接受延长请求：任务 %1。</translation>
    </message>
    <message>
        <source>&amp;Upgrade and Extend</source>
        <extracomment>Menu with Get 1080P, Get 4K and Extend for the selected task</extracomment>
        <translation>升级与延长(&amp;U)</translation>
    </message>
    <message>
        <source>Select one task</source>
        <translation>请选择一个任务</translation>
    </message>
    <message>
        <source>Video %1</source>
        <extracomment>Section of the Upgrade and Extend menu for one of several result videos</extracomment>
        <translation>视频 %1</translation>
    </message>
    <message>
        <source>Get &amp;1080P</source>
        <translation>获取 1080P(&amp;1)</translation>
    </message>
    <message>
        <source>Get &amp;4K…</source>
        <translation>获取 4K(&amp;4)…</translation>
    </message>
    <message>
        <source>Already requested: see the task under this one.</source>
        <translation>已请求：请查看此任务下方的子任务。</translation>
    </message>
    <message>
        <source>Free; ready in about 1-3 minutes.</source>
        <translation>免费；约 1-3 分钟完成。</translation>
    </message>
    <message>
        <source>Costs extra credits; ready in about 5-10 minutes.</source>
        <translation>需额外积分；约 5-10 分钟完成。</translation>
    </message>
    <message>
        <source>&amp;Extend…</source>
        <translation>延长(&amp;E)…</translation>
    </message>
    <message>
        <source>Continue the video with a new prompt (costs credits).</source>
        <translation>用新的提示词继续生成视频（消耗积分）。</translation>
    </message>
    <message>
        <source>Add Its &amp;Task ID…</source>
        <translation>填写其任务 ID(&amp;T)…</translation>
    </message>
    <message>
        <source>KIE may have made this extension: find its task ID in your kie.ai logs and enter it here.</source>
        <translation>KIE 可能已生成此延长视频：请在 kie.ai 日志中找到其任务 ID 并填写在这里。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>It may have reached KIE: it is never sent again by itself. Add its task ID instead.</source>
        <translation>请求可能已到达 KIE：不会自动再次发送。请改为填写其任务 ID。</translation>
    </message>
    <message>
        <source>Only a request that failed or was refused can be retried.</source>
        <translation>只有失败或被拒绝的请求才能重试。</translation>
    </message>
    <message>
        <source>Asked again: %1.</source>
        <translation>已重新请求：%1。</translation>
    </message>
    <message>
        <source>Show &amp;Original Task</source>
        <translation>显示原任务(&amp;O)</translation>
    </message>
    <message>
        <source>The original task is hidden by the filters.</source>
        <translation>原任务被筛选条件隐藏了。</translation>
    </message>
    <message>
        <source>Get 4K Version</source>
        <translation>获取 4K 版本</translation>
    </message>
    <message>
        <source>Get the 4K version of video %1 of this task?</source>
        <translation>获取此任务视频 %1 的 4K 版本？</translation>
    </message>
    <message>
        <source>KIE charges extra credits for 4K (about twice a Fast generation), to the key %1.

The request is sent once. If its answer is lost, the next check (every 30 s or more) settles it: nothing is charged twice by this app.</source>
        <translation>KIE 对 4K 收取额外积分（约为一次快速生成的两倍），从密钥 %1 扣除。

请求只发送一次。如果响应丢失，下一次查询（间隔 30 秒或更长）会确认结果：本应用不会重复扣费。</translation>
    </message>
    <message>
        <source>Get 4K</source>
        <translation>获取 4K</translation>
    </message>
    <message>
        <source>Add Its Task ID</source>
        <translation>填写其任务 ID</translation>
    </message>
    <message>
        <source>The task ID of this extension (from your kie.ai logs):</source>
        <translation>此延长视频的任务 ID（见 kie.ai 日志）：</translation>
    </message>
    <message>
        <source>Now checking task %1.</source>
        <translation>正在查询任务 %1。</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>（无密钥）</translation>
    </message>
    <message>
        <source>%1 (credits not checked yet)</source>
        <extracomment>%1 = key label</extracomment>
        <translation>%1（尚未查询积分）</translation>
    </message>
    <message>
        <source>%1 (%2 credits left, checked %3)</source>
        <extracomment>%1 = key label, %2 = credits, %3 = when they were checked</extracomment>
        <translation>%1（剩余 %2 积分，查询于 %3）</translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <translation>升级与延长</translation>
    </message>
    <message>
        <source>4K requested: follow it in the task under the original one.</source>
        <translation>已请求 4K：请在原任务下方的子任务中查看进度。</translation>
    </message>
    <message>
        <source>1080P requested: follow it in the task under the original one.</source>
        <translation>已请求 1080P：请在原任务下方的子任务中查看进度。</translation>
    </message>
    <message>
        <source>Extension sent: follow it in the task under the original one.</source>
        <translation>延长请求已发送：请在原任务下方的子任务中查看进度。</translation>
    </message>
</context>
<context>
    <name>veo::FollowUpCommand</name>
    <message>
        <source>The task %1 has not succeeded (%2): only a finished video can be upgraded or extended.</source>
        <translation>任务 %1 尚未成功（%2）：只有已完成的视频才能升级或延长。</translation>
    </message>
</context>
<context>
    <name>veo::FollowUps</name>
    <message>
        <source>Only Veo generations and extensions can be upgraded or extended.</source>
        <translation>只有 Veo 生成或延长的视频可以升级或延长。</translation>
    </message>
    <message>
        <source>Available once the video has been generated successfully.</source>
        <translation>视频生成成功后可用。</translation>
    </message>
    <message>
        <source>This task has no video %1.</source>
        <translation>此任务没有第 %1 个视频。</translation>
    </message>
    <message>
        <source>KIE makes no 1080P or 4K version of a video made by its fallback model.</source>
        <translation>KIE 不为备用模型生成的视频提供 1080P 或 4K 版本。</translation>
    </message>
    <message>
        <source>KIE cannot extend a video once its 1080P version was requested.</source>
        <translation>已请求 1080P 版本的视频无法再延长。</translation>
    </message>
    <message>
        <source>No API key is available for this task: add it in Keys.</source>
        <translation>此任务没有可用的 API 密钥：请在“密钥”中添加。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has no credits left: top up on kie.ai, then check its credits in Keys.</source>
        <translation>密钥“%1”的积分已用完：请在 kie.ai 充值，然后在“密钥”中查询积分。</translation>
    </message>
    <message>
        <source>The task %1 is not in the list.</source>
        <translation>任务 %1 不在列表中。</translation>
    </message>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation>请求无法保存，因此未发送。</translation>
    </message>
    <message>
        <source>Describe how the video should go on: the prompt is empty.</source>
        <translation>请描述视频接下来的内容：提示词为空。</translation>
    </message>
    <message>
        <source>Seeds must be a number from 10000 to 99999.</source>
        <translation>种子必须是 10000 到 99999 之间的数字。</translation>
    </message>
    <message>
        <source>KIE refused the extension: %1</source>
        <translation>KIE 拒绝了延长请求：%1</translation>
    </message>
    <message>
        <source>The extension was sent but its answer was lost (%1). It is not sent again: check your kie.ai logs, then add its task ID to the list.</source>
        <translation>延长请求已发送，但响应丢失（%1）。不会再次发送：请查看 kie.ai 日志，然后把它的任务 ID 添加到列表中。</translation>
    </message>
    <message>
        <source>This extension may have reached KIE, so it is not sent again: check your kie.ai logs and add its task ID.</source>
        <translation>此延长请求可能已到达 KIE，因此不会再次发送：请查看 kie.ai 日志并添加它的任务 ID。</translation>
    </message>
    <message>
        <source>The original task or the request is gone; extend it anew.</source>
        <translation>原任务或请求已不存在；请重新发起延长。</translation>
    </message>
    <message>
        <source>Could not save the upgrade request.</source>
        <translation>无法保存升级请求。</translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation>任务 %1 并未在等待任务 ID。</translation>
    </message>
</context>
<context>
    <name>veo::FrameGrabber</name>
    <message numerus="yes">
        <source>The video gave no picture within %n second(s).</source>
        <translation>
            <numerusform>视频在 %n 秒内未给出画面。</numerusform>
        </translation>
    </message>
    <message>
        <source>The video could not be read.</source>
        <translation>无法读取该视频。</translation>
    </message>
    <message>
        <source>The video has no picture.</source>
        <translation>该视频没有画面。</translation>
    </message>
</context>
<context>
    <name>veo::GalleryDelegate</name>
    <message>
        <source>No preview: %1</source>
        <extracomment>Tooltip of a gallery tile; %1 says why the video gave no preview picture</extracomment>
        <translation>无预览：%1</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <extracomment>Gallery tile of a finished video whose preview picture is being made</extracomment>
        <translation>正在加载预览…</translation>
    </message>
    <message>
        <source>No preview</source>
        <extracomment>Gallery tile of a finished video whose preview picture could not be made</extracomment>
        <translation>无预览</translation>
    </message>
</context>
<context>
    <name>veo::GenerateCommand</name>
    <message>
        <source>Could not read the batch file %1: %2</source>
        <extracomment>--batch FILE; %1 = the file, %2 = the system&apos;s reason</extracomment>
        <translation>无法读取批量文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>The batch was not sent: %n problem(s) to fix first. Nothing was stored.</source>
        <translation>
            <numerusform>批量生成未发送：需要先修正 %n 个问题。未保存任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before anything was sent.</source>
        <translation>在发送任何请求之前已停止。</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) queued: up to 20 are sent every 10 seconds.</source>
        <extracomment>--batch: stored in the task list, sent as KIE&apos;s limit allows</extracomment>
        <translation>
            <numerusform>已排队 %n 个生成：每 10 秒最多发送 20 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n generation(s) answered: %2 accepted, %3 refused, %4 answer lost.</source>
        <extracomment>--batch progress; %n = generations in the batch</extracomment>
        <translation>
            <numerusform>%n 个生成中已有 %1 个得到响应：%2 个已接受，%3 个被拒绝，%4 个响应丢失。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping: %n generation(s) not sent yet stay queued in the task list; Veo Tracker sends them at its next start. Waiting for the answers on their way.</source>
        <extracomment>Ctrl+C during --batch</extracomment>
        <translation>
            <numerusform>正在停止：尚未发送的 %n 个生成留在任务列表的队列中，Veo Tracker 下次启动时会发送它们。正在等待已发出请求的响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading %1 (%2) to KIE&apos;s file storage…</source>
        <extracomment>--generate --image FILE: %1 = file name, %2 = its size</extracomment>
        <translation>正在把 %1（%2）上传到 KIE 的文件存储…</translation>
    </message>
    <message>
        <source>Uploading %1: %2 %</source>
        <extracomment>--generate --image FILE, every 10 %</extracomment>
        <translation>正在上传 %1：%2 %</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>没有发送任何内容。</translation>
    </message>
</context>
<context>
    <name>veo::GenerateDialog</name>
    <message>
        <source>New Generation</source>
        <translation>新建生成</translation>
    </message>
    <message>
        <source>Describe the video: subject, action, camera, light, sound.</source>
        <translation>描述视频：主体、动作、镜头、光线、声音。</translation>
    </message>
    <message>
        <source>Fast (veo3_fast)</source>
        <extracomment>Veo 3.1 models (KIE&apos;s names in brackets)</extracomment>
        <translation>快速（veo3_fast）</translation>
    </message>
    <message>
        <source>Quality (veo3)</source>
        <translation>高质量（veo3）</translation>
    </message>
    <message>
        <source>Lite (veo3_lite)</source>
        <translation>轻量（veo3_lite）</translation>
    </message>
    <message>
        <source>16:9 (landscape)</source>
        <translation>16:9（横屏）</translation>
    </message>
    <message>
        <source>9:16 (portrait)</source>
        <translation>9:16（竖屏）</translation>
    </message>
    <message>
        <source>Auto (from the image)</source>
        <extracomment>Aspect ratio chosen by KIE from the image</extracomment>
        <translation>自动（按图片）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Let KIE translate the prompt into English</source>
        <translation>由 KIE 将提示词翻译成英文</translation>
    </message>
    <message>
        <source>Decided by KIE (text, or the images below)</source>
        <translation>由 KIE 决定（文本，或下方的图片）</translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <source>First and last frames (1-2 images)</source>
        <translation>首尾帧（1-2 张图片）</translation>
    </message>
    <message>
        <source>Reference images (1-3, Fast model)</source>
        <translation>参考图（1-3 张，仅快速模型）</translation>
    </message>
    <message>
        <source>KIE charges the generation to this key. The request is saved, then sent once; if its answer is lost it is never sent again by itself.</source>
        <translation>KIE 会从此密钥扣除生成费用。请求会先保存再发送，且只发送一次；若响应丢失，绝不会自动重发。</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Aspect ratio:</source>
        <translation>宽高比(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Watermark:</source>
        <translation>水印(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>图片(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Charged to:</source>
        <translation>扣费密钥(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>No API key: add one in API Keys first.</source>
        <translation>没有 API 密钥：请先在“API 密钥”中添加。</translation>
    </message>
    <message>
        <source>Each &amp;line is its own generation (a batch)</source>
        <translation>每一&amp;行都是单独的生成（批量）</translation>
    </message>
    <message>
        <source>Every line becomes its own request with these settings. KIE takes 20 new generations every 10 seconds: the rest wait in the list, in order, and can be paused or cancelled until they are sent.</source>
        <translation>每一行都会以这些设置成为单独的请求。KIE 每 10 秒接受 20 个新生成：其余的在列表中按顺序等待，发送前可以暂停或取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s)</source>
        <translation>
            <numerusform>%n 个生成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>……还有 %n 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n</source>
        <translation>
            <numerusform>加入队列（%n）(&amp;Q)</numerusform>
        </translation>
    </message>
    <message>
        <source>Image addresses KIE can fetch, one per line (https://…), or images from disk:</source>
        <translation>KIE 可以访问的图片地址，每行一个（https://…），或从磁盘添加图片：</translation>
    </message>
    <message>
        <source>Waiting for the images to finish uploading.</source>
        <translation>正在等待图片上传完成。</translation>
    </message>
</context>
<context>
    <name>veo::GenerationActions</name>
    <message>
        <source>KIE accepted the generation: task %1.</source>
        <translation>KIE 已接受生成请求：任务 %1。</translation>
    </message>
    <message>
        <source>&amp;New Generation…</source>
        <translation>新建生成(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a Veo 3.1 generation (%1)</source>
        <translation>开始一个 Veo 3.1 生成任务（%1）</translation>
    </message>
    <message>
        <source>&amp;Edit and Run…</source>
        <extracomment>Opens New Generation filled from the selected task&apos;s request</extracomment>
        <translation>编辑并运行(&amp;E)…</translation>
    </message>
    <message>
        <source>Start a new generation from this task&apos;s prompt and settings</source>
        <translation>以此任务的提示词和设置新建一个生成任务</translation>
    </message>
    <message>
        <source>Send &amp;Again…</source>
        <translation>再次发送(&amp;A)…</translation>
    </message>
    <message>
        <source>Add Its &amp;Task ID…</source>
        <translation>添加其任务ID(&amp;T)…</translation>
    </message>
    <message>
        <source>KIE may have made this generation: find its task ID in your kie.ai logs and enter it here.</source>
        <translation>KIE 可能已创建此生成任务：请在 kie.ai 日志中找到其任务ID并在此输入。</translation>
    </message>
    <message>
        <source>It may already have been made and charged: look in your kie.ai logs first.</source>
        <translation>它可能已被创建并扣费：请先查看 kie.ai 日志。</translation>
    </message>
    <message>
        <source>KIE made nothing: sending it again is safe.</source>
        <translation>KIE 未创建任何内容：可以安全地再次发送。</translation>
    </message>
    <message>
        <source>Edit and Run</source>
        <translation>编辑并运行</translation>
    </message>
    <message>
        <source>New Generation</source>
        <translation>新建生成</translation>
    </message>
    <message>
        <source>Generation sent: it appears in the list with KIE&apos;s task ID.</source>
        <translation>生成请求已发送：获得 KIE 任务ID后会显示在列表中。</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <source>This generation may already have been made and charged.</source>
        <translation>此生成任务可能已被创建并扣费。</translation>
    </message>
    <message>
        <source>Its answer was lost, so nobody knows whether KIE accepted it. Look in your kie.ai logs first; if it is there, use Add Its Task ID instead. Sending it again may be billed twice.</source>
        <translation>响应已丢失，无法确定 KIE 是否已接受。请先查看 kie.ai 日志；如果能找到，请改用“添加其任务ID”。再次发送可能会被重复扣费。</translation>
    </message>
    <message>
        <source>Sent again: %1.</source>
        <translation>已再次发送：%1。</translation>
    </message>
    <message>
        <source>The task ID of this generation (from your kie.ai logs):</source>
        <translation>此生成任务的任务ID（来自 kie.ai 日志）：</translation>
    </message>
    <message>
        <source>Add Its Task ID</source>
        <translation>添加其任务ID</translation>
    </message>
    <message>
        <source>Now checking task %1.</source>
        <translation>正在检查任务 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) paused: not sent until resumed.</source>
        <translation>
            <numerusform>已暂停 %n 个生成：恢复前不会发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) back in the queue.</source>
        <translation>
            <numerusform>%n 个生成已回到队列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) removed before they were sent: nothing was charged.</source>
        <translation>
            <numerusform>已在发送前移除 %n 个生成：未产生任何费用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate from &amp;File…</source>
        <translation>从文件生成(&amp;F)…</translation>
    </message>
    <message>
        <source>Queue many generations from a CSV or JSON file: a row per generation, a column per field (prompt, model, aspect_ratio…)</source>
        <translation>从 CSV 或 JSON 文件批量加入生成：每行一个生成，每列一个字段（prompt、model、aspect_ratio……）</translation>
    </message>
    <message>
        <source>Hold the selected queued generations back until you resume them</source>
        <translation>暂缓发送所选排队中的生成，直到你恢复它们</translation>
    </message>
    <message>
        <source>Remove the selected generations that were not sent yet</source>
        <translation>移除所选尚未发送的生成</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) queued: KIE takes 20 every 10 seconds, the rest wait in the list in order.</source>
        <translation>
            <numerusform>已加入队列 %n 个生成：KIE 每 10 秒接受 20 个，其余的在列表中按顺序等待。</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate from File</source>
        <translation>从文件生成</translation>
    </message>
    <message>
        <source>Batch files (*.csv *.json *.txt);;All files (*)</source>
        <translation>批量文件 (*.csv *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is too large for a batch (%2 MB at most): is it the right file?</source>
        <translation>%1 太大，不能作为批次（最多 %2 MB）：是不是选错了文件？</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Nothing was queued: %1 cannot be sent as it is.</source>
        <translation>未加入任何生成：%1 不能按原样发送。</translation>
    </message>
    <message numerus="yes">
        <source>Queue %n generation(s) from %1?</source>
        <translation>
            <numerusform>将 %1 中的 %n 个生成加入队列？</numerusform>
        </translation>
    </message>
    <message>
        <source>They are charged to %1. KIE takes 20 new generations every 10 seconds: they are sent in order, and can be paused or cancelled in the list until then. Empty fields take the last values of New Generation.</source>
        <translation>费用记在 %1 上。KIE 每 10 秒接受 20 个新生成：它们按顺序发送，发送前可在列表中暂停或取消。空白字段使用“新建生成”上次的值。</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Generation saved: it waits in the list (%1) and is sent once it can be.</source>
        <translation>生成已保存：它在列表中等待（%1），可以发送时即会发送。</translation>
    </message>
    <message>
        <source>KIE&apos;s limit of 20 every 10 seconds</source>
        <translation>KIE 限制每 10 秒 20 个</translation>
    </message>
    <message>
        <source>Pause &amp;Before Sending</source>
        <translation>发送前暂停(&amp;B)</translation>
    </message>
    <message>
        <source>Resume Sendin&amp;g</source>
        <translation>恢复发送(&amp;G)</translation>
    </message>
    <message>
        <source>Cance&amp;l Before Sending</source>
        <translation>发送前取消(&amp;L)</translation>
    </message>
</context>
<context>
    <name>veo::Generations</name>
    <message>
        <source>KIE refused the generation: %1</source>
        <translation>KIE 拒绝了此生成请求：%1</translation>
    </message>
    <message>
        <source>The generation was sent but its answer was lost (%1). It is not sent again: check your kie.ai logs, then add its task ID.</source>
        <translation>生成请求已发送，但响应丢失（%1）。该请求不会再次发送：请查看 kie.ai 日志，然后添加其任务ID。</translation>
    </message>
    <message>
        <source>No API key is available to pay for it: add one in API Keys.</source>
        <translation>没有可用于付费的 API 密钥：请在“API 密钥”中添加。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has no credits left: top up on kie.ai, then check its credits in API Keys.</source>
        <translation>密钥“%1”已没有积分：请在 kie.ai 充值，然后在“API 密钥”中重新检查积分。</translation>
    </message>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation>请求无法保存，因此未发送。</translation>
    </message>
    <message>
        <source>This request can no longer be sent: start a new generation.</source>
        <translation>此请求已无法再发送：请新建一个生成任务。</translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation>任务 %1 不在等待任务ID的状态。</translation>
    </message>
    <message>
        <source>There is nothing to generate.</source>
        <translation>没有要生成的内容。</translation>
    </message>
    <message>
        <source>Generation %1: %2</source>
        <translation>第 %1 个生成：%2</translation>
    </message>
    <message>
        <source>Could not save the state of the request.</source>
        <translation>无法保存请求的状态。</translation>
    </message>
</context>
<context>
    <name>veo::ImagePicker</name>
    <message>
        <source>Add from &amp;Disk…</source>
        <translation>从磁盘添加(&amp;D)…</translation>
    </message>
    <message>
        <source>Uploads JPEG, PNG or WebP images to KIE&apos;s file storage (free; KIE deletes them after 3 days) and adds their addresses above.</source>
        <translation>把 JPEG、PNG 或 WebP 图片上传到 KIE 的文件存储（免费；KIE 会在 3 天后删除），并把它们的地址添加到上方。</translation>
    </message>
    <message>
        <source>Images for the Generation</source>
        <translation>用于生成的图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>veo::ImageUpload</name>
    <message>
        <source>Could not upload %1: no usable API key is selected. Add or choose a key, then try again.</source>
        <translation>无法上传 %1：没有选择可用的 API 密钥。请添加或选择一个密钥，然后重试。</translation>
    </message>
    <message>
        <source>Could not upload %1: refusing to send the API key to %2 over an unencrypted connection.</source>
        <translation>无法上传 %1：拒绝通过未加密的连接把 API 密钥发送到 %2。</translation>
    </message>
    <message>
        <source>Could not upload %1: the file cannot be read (%2). Check that it exists and that you may read it.</source>
        <translation>无法上传 %1：无法读取该文件（%2）。请检查文件是否存在，以及你是否有读取权限。</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Could not upload %1: the file is empty.</source>
        <translation>无法上传 %1：文件是空的。</translation>
    </message>
    <message>
        <source>Could not upload %1: it is not a JPEG, PNG or WebP image (it looks like %2). Veo takes those three.</source>
        <translation>无法上传 %1：它不是 JPEG、PNG 或 WebP 图片（看起来是 %2）。Veo 只接受这三种格式。</translation>
    </message>
    <message>
        <source>Could not upload %1: %2 %3</source>
        <translation>无法上传 %1：%2 %3</translation>
    </message>
</context>
<context>
    <name>veo::ImportActions</name>
    <message>
        <source>&amp;Import Tasks…</source>
        <translation>导入任务(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the task IDs in a CSV, JSON or text file, such as Export Tasks writes (keys by their label)</source>
        <translation>添加 CSV、JSON 或文本文件中的任务 ID，例如“导出任务”生成的文件（按名称匹配密钥）</translation>
    </message>
    <message>
        <source>Import Tasks</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Task lists (*.csv *.json *.txt *.tsv);;All files (*)</source>
        <translation>任务列表 (*.csv *.json *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Adding the tasks of %1…</source>
        <translation>正在添加 %1 中的任务…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n task(s) of the file were not added.</source>
        <extracomment>Import: the user pressed Stop; %n = the tasks of the file not added</extracomment>
        <translation>
            <numerusform>已停止：文件中有 %n 个任务未添加。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::InstanceGuard</name>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation>无法创建锁文件 %1。</translation>
    </message>
</context>
<context>
    <name>veo::KeyCommands</name>
    <message>
        <source>API key (input hidden): </source>
        <extracomment>Prompt on the terminal for `veo-tracker --add-key LABEL`; the typed key is not shown</extracomment>
        <translation>API 密钥（输入内容不会显示）：</translation>
    </message>
    <message>
        <source>The key needs a label, e.g. --add-key &quot;Client A&quot;.</source>
        <extracomment>--add-key was given an empty label</extracomment>
        <translation>密钥需要一个名称，例如 --add-key &quot;Client A&quot;。</translation>
    </message>
    <message>
        <source>A key labelled &quot;%1&quot; already exists. Choose another label.</source>
        <extracomment>--add-key: %1 is the label the user gave</extracomment>
        <translation>名为“%1”的密钥已存在，请换一个名称。</translation>
    </message>
    <message>
        <source>No API key on standard input. Pipe it in, for example: veo-tracker --add-key &quot;Client A&quot; &lt; key.txt</source>
        <extracomment>--add-key: nothing arrived on standard input</extracomment>
        <translation>标准输入中没有 API 密钥。请通过管道传入，例如：veo-tracker --add-key &quot;Client A&quot; &lt; key.txt</translation>
    </message>
    <message>
        <source>KIE.AI refused this API key (%1). Check that it was copied completely. Nothing was saved.</source>
        <extracomment>--add-key: KIE.AI answered 401 for the key read from standard input</extracomment>
        <translation>KIE.AI 拒绝了此 API 密钥（%1）。请检查密钥是否复制完整。未保存任何内容。</translation>
    </message>
    <message>
        <source>Could not check the key with KIE.AI (%1). It is saved unchecked.</source>
        <extracomment>--add-key: the key could not be checked; %1 says why</extracomment>
        <translation>无法通过 KIE.AI 验证该密钥（%1）。密钥已保存，但尚未验证。</translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <extracomment>--add-key: the system keyring could not store the key; %1 says why</extracomment>
        <translation>无法保存该密钥：%1</translation>
    </message>
    <message>
        <source>Saved key &quot;%1&quot; (%2) in the system keyring.</source>
        <extracomment>--add-key success; %1 = label, %2 = last characters of the key</extracomment>
        <translation>已将密钥“%1”（%2）保存到系统密钥环。</translation>
    </message>
    <message>
        <source>No API keys are stored. Add one with: veo-tracker --add-key LABEL</source>
        <extracomment>--list-keys when no key is stored</extracomment>
        <translation>尚未保存任何 API 密钥。可使用以下命令添加：veo-tracker --add-key LABEL</translation>
    </message>
    <message>
        <source>%1 credits (%2)</source>
        <extracomment>--list-keys column: remaining credits; %1 = number, %2 = when checked (UTC)</extracomment>
        <translation>%1 积分（%2）</translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <extracomment>--list-keys: %1 = the key&apos;s health; marks the key from KIE_API_KEY</extracomment>
        <translation>%1（仅限本次会话）</translation>
    </message>
    <message>
        <source>What came on standard input is too long for an API key (more than %1 characters). Pipe in the key alone. Nothing was saved.</source>
        <extracomment>--add-key: standard input held far more than an API key; %1 = the most it accepts</extracomment>
        <translation>标准输入中的内容太长，不可能是 API 密钥（超过 %1 个字符）。请只传入密钥本身。未保存任何内容。</translation>
    </message>
    <message>
        <source>Standard input holds characters that cannot be part of an API key (control characters, spaces, bytes that are not ASCII). Pipe in the key alone. Nothing was saved.</source>
        <extracomment>--add-key: the input has control characters, spaces or bytes that are not ASCII</extracomment>
        <translation>标准输入中含有 API 密钥不可能包含的字符（控制字符、空格或非 ASCII 字节）。请只传入密钥本身。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>veo::KeyRing</name>
    <message>
        <source>Session key</source>
        <extracomment>Label of the API key given for this run only (KIE_API_KEY), never stored</extracomment>
        <translation>会话密钥</translation>
    </message>
    <message>
        <source>Default key</source>
        <extracomment>Label given to the API key that was stored before keys had names
----------
Label given to an API key entered in the simple &quot;API key&quot; dialog</extracomment>
        <translation>默认密钥</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <extracomment>A key in a menu or filter: %1 is its label</extracomment>
        <translation>%1（默认）</translation>
    </message>
</context>
<context>
    <name>veo::KeysDialog</name>
    <message>
        <source>(hidden)</source>
        <extracomment>Keys dialog: the key&apos;s last characters are unknown (too short to show any)</extracomment>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>Keys dialog, Default column: this key is the default key
----------
Keys table column: marks the default API key</extracomment>
        <translation>默认</translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>Keys dialog: the key&apos;s credits are being checked right now</extracomment>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>A key needs a label.</source>
        <extracomment>Keys dialog: renaming failed; %1 = the label the user typed</extracomment>
        <translation>密钥需要一个名称。</translation>
    </message>
    <message>
        <source>Another key is already labelled &quot;%1&quot;.</source>
        <translation>已有其他密钥名为“%1”。</translation>
    </message>
    <message>
        <source>The key could not be renamed.</source>
        <translation>无法重命名该密钥。</translation>
    </message>
    <message>
        <source>Remove Key</source>
        <translation>移除密钥</translation>
    </message>
    <message>
        <source>Remove the key &quot;%1&quot; (%2)? It is deleted from the system keyring. Its tasks stay in the list and need another key.</source>
        <extracomment>%1 = label of the API key, %2 = its last characters</extracomment>
        <translation>要移除密钥“%1”（%2）吗？它将从系统密钥环中删除。使用它的任务仍保留在列表中，需要改用其他密钥。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>The key could not be removed: %1</source>
        <extracomment>Keys dialog: removing a key failed; %1 explains why (keyring problem)</extracomment>
        <translation>无法移除该密钥：%1</translation>
    </message>
    <message>
        <source>The default key could not be changed.</source>
        <translation>无法更改默认密钥。</translation>
    </message>
    <message>
        <source>API Keys</source>
        <extracomment>Window title; &quot;Keys&quot; = KIE.AI API keys</extracomment>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keyring; only labels and the last characters are shown. Double-click a label to rename the key.</source>
        <translation>密钥本身保存在系统密钥环中，这里只显示名称和末尾几位字符。双击名称可重命名密钥。</translation>
    </message>
    <message>
        <source>Label</source>
        <extracomment>Keys table column: the name the user gave the API key</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>Keys table column: last characters of the API key</extracomment>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Credits</source>
        <extracomment>Keys table column: remaining KIE.AI credits</extracomment>
        <translation>积分</translation>
    </message>
    <message>
        <source>Checked</source>
        <extracomment>Keys table column: when the credits were checked</extracomment>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Keys table column: last error of the key, or OK</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tasks</source>
        <extracomment>Keys table column: number of tasks polled with this key</extracomment>
        <translation>任务数</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Set as &amp;Default</source>
        <extracomment>Button: make the selected API key the default one</extracomment>
        <translation>设为默认(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <extracomment>Button: check the selected API key&apos;s credits with KIE.AI now</extracomment>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Waiting for the keyring…</source>
        <extracomment>Shown while a system keyring operation is pending</extracomment>
        <translation>正在等待密钥环…</translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <extracomment>Keys dialog: %1 = the status of the key that is never stored</extracomment>
        <translation>%1（仅限本次会话）</translation>
    </message>
    <message numerus="yes">
        <source>Balance over the last %n day(s)</source>
        <extracomment>Keys dialog: the title above the balance chart while no key is selected</extracomment>
        <translation>
            <numerusform>近 %n 天的余额</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a key to see its balance and what it spent each day.</source>
        <translation>选择一个密钥，查看其余额和每日花费。</translation>
    </message>
    <message numerus="yes">
        <source>Balance of “%1” over the last %n day(s)</source>
        <extracomment>Keys dialog: the title above the balance chart; %1 = the key&apos;s label</extracomment>
        <translation>
            <numerusform>“%1”近 %n 天的余额</numerusform>
        </translation>
    </message>
    <message>
        <source>The balance of a key used for this session only is not kept, so it has no history.</source>
        <translation>仅本次会话使用的密钥不保存余额，因此没有历史记录。</translation>
    </message>
</context>
<context>
    <name>veo::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>veo::MainWindow</name>
    <message>
        <source>Veo Tracker — Demo</source>
        <translation>Veo Tracker — 演示</translation>
    </message>
    <message>
        <source>Veo Tracker</source>
        <translation>Veo Tracker</translation>
    </message>
    <message>
        <source>API &amp;Keys…</source>
        <extracomment>Menu/toolbar: manage the KIE API keys</extracomment>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>Add, test and choose the KIE API keys used to read tasks</source>
        <translation>添加、测试和选择用于查询任务的 KIE API 密钥</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Veo Tracker</source>
        <translation>关于 Veo Tracker(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>About Veo Tracker</source>
        <translation>关于 Veo Tracker</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Veo Tracker %1&lt;/h3&gt;&lt;p&gt;Watches your KIE.AI Veo 3.1 render tasks until they finish.&lt;/p&gt;&lt;p&gt;Task data: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Veo Tracker %1&lt;/h3&gt;&lt;p&gt;跟踪你的 KIE.AI Veo 3.1 视频生成任务，直至完成。&lt;/p&gt;&lt;p&gt;任务数据：%2&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Keep before expiry: downloading %n video(s) that KIE deletes within %1 hours.</source>
        <extracomment>%n videos; %1 the hours of Keep before expiry (Preferences)</extracomment>
        <translation>
            <numerusform>到期前保存：正在下载 %n 个将在 %1 小时内被 KIE 删除的视频。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keeping videos before they expire</source>
        <translation>正在保存即将过期的视频</translation>
    </message>
</context>
<context>
    <name>veo::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>veo::Notifier</name>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>视频已生成</translation>
    </message>
    <message>
        <source>Render failed</source>
        <translation>任务失败</translation>
    </message>
</context>
<context>
    <name>veo::PlayerControls</name>
    <message>
        <source>Position</source>
        <extracomment>Accessible name of the player&apos;s position slider</extracomment>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Position (%1 / %2: 5 seconds back / ahead)</source>
        <extracomment>Tooltip of the position slider: %1 and %2 are the Left and Right arrow keys</extracomment>
        <translation>播放位置（%1 / %2：后退 / 前进 5 秒）</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <extracomment>Accessible name of the label showing how much of the video has played</extracomment>
        <translation>已播放时间</translation>
    </message>
    <message>
        <source>Total time</source>
        <extracomment>Accessible name of the label showing the video&apos;s length</extracomment>
        <translation>总时长</translation>
    </message>
    <message>
        <source>Loading state</source>
        <extracomment>Accessible name of the &quot;Loading…&quot; / &quot;Buffering 45%&quot; text</extracomment>
        <translation>加载状态</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <extracomment>Accessible name of the small bar beside &quot;Loading…&quot; / &quot;Buffering 45%&quot;</extracomment>
        <translation>加载进度</translation>
    </message>
    <message>
        <source>Volume</source>
        <extracomment>Accessible name and tooltip of the volume slider</extracomment>
        <translation>音量</translation>
    </message>
    <message>
        <source>Loop</source>
        <extracomment>Player button (a toggle): play the video again from the start when it ends</extracomment>
        <translation>循环播放</translation>
    </message>
    <message>
        <source>Play the video again from the start when it ends</source>
        <extracomment>Tooltip of the Loop button</extracomment>
        <translation>播放结束后从头重新播放</translation>
    </message>
    <message>
        <source>Full screen</source>
        <extracomment>Player button (a toggle): show the video on the whole screen</extracomment>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Full screen (%1; %2 to leave)</source>
        <extracomment>Tooltip of the full-screen button: %1 enters, %2 leaves full screen (keys)</extracomment>
        <translation>全屏（%1；按 %2 退出）</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Player button (accessible name and tooltip)</extracomment>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <extracomment>Player button (accessible name and tooltip)</extracomment>
        <translation>播放</translation>
    </message>
    <message>
        <source>Unmute</source>
        <extracomment>Player button (accessible name and tooltip): sound back on</extracomment>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <extracomment>Player button (accessible name and tooltip): sound off</extracomment>
        <translation>静音</translation>
    </message>
    <message>
        <source>Loading…</source>
        <extracomment>Player status while the video is being opened</extracomment>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Buffering %1%</source>
        <extracomment>Player status while data is being fetched; %1 is a percentage (0-100)</extracomment>
        <translation>正在缓冲 %1%</translation>
    </message>
</context>
<context>
    <name>veo::PlayerPane</name>
    <message>
        <source>the server answered HTTP %1</source>
        <extracomment>Detail of a playback error: the media server&apos;s HTTP status code</extracomment>
        <translation>服务器返回 HTTP %1</translation>
    </message>
    <message>
        <source>A fresh link could not be obtained: %1</source>
        <extracomment>Shown under an expired-link error when asking KIE for a new link failed; %1 is KIE&apos;s or the network&apos;s error message</extracomment>
        <translation>无法获取新链接：%1</translation>
    </message>
    <message>
        <source>Getting a fresh link…</source>
        <extracomment>The &quot;Get a fresh link&quot; button while KIE is being asked</extracomment>
        <translation>正在获取新链接…</translation>
    </message>
    <message>
        <source>Get a fresh link</source>
        <extracomment>Player button after an expired link: ask KIE (download-url) for a new link</extracomment>
        <translation>获取新链接</translation>
    </message>
    <message>
        <source>Select a task to watch its video.</source>
        <extracomment>Player pane when no task is selected</extracomment>
        <translation>选择一个任务即可观看其视频。</translation>
    </message>
    <message>
        <source>The video appears here when the task has succeeded.</source>
        <extracomment>Player pane for a task that is still waiting or generating (or no longer known)</extracomment>
        <translation>任务成功后，视频会显示在这里。</translation>
    </message>
    <message>
        <source>KIE reported no video for this task.</source>
        <extracomment>Player pane for a succeeded task whose answer had no video URL</extracomment>
        <translation>KIE 未返回此任务的视频。</translation>
    </message>
    <message>
        <source>&amp;Video:</source>
        <extracomment>Label before the player&apos;s source switcher (Result, Origin, Full)</extracomment>
        <translation>视频(&amp;V)：</translation>
    </message>
    <message>
        <source>Video source</source>
        <extracomment>Accessible name of the switcher between a task&apos;s videos (result, origin, full)</extracomment>
        <translation>视频来源</translation>
    </message>
    <message>
        <source>Which of the task&apos;s videos to play</source>
        <extracomment>Tooltip of the switcher between a task&apos;s videos</extracomment>
        <translation>选择要播放任务的哪个视频</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <extracomment>Player button: opens the video&apos;s web address in the default browser</extracomment>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open the video&apos;s web address in your browser</source>
        <extracomment>Tooltip of &quot;Open in browser&quot;</extracomment>
        <translation>在浏览器中打开视频的网址</translation>
    </message>
    <message>
        <source>Open with system player</source>
        <extracomment>Player button: opens the video (the downloaded file, else its address) in the desktop&apos;s default video player</extracomment>
        <translation>用系统播放器打开</translation>
    </message>
    <message>
        <source>Play the video in your desktop&apos;s video player (the downloaded file when there is one)</source>
        <extracomment>Tooltip of &quot;Open with system player&quot;</extracomment>
        <translation>用桌面的视频播放器播放（已下载时播放本地文件）</translation>
    </message>
    <message>
        <source>Video</source>
        <extracomment>Accessible name of the video area</extracomment>
        <translation>视频</translation>
    </message>
    <message>
        <source>Double-click for full screen</source>
        <extracomment>Tooltip of the video area</extracomment>
        <translation>双击可全屏</translation>
    </message>
    <message>
        <source>Player</source>
        <extracomment>Accessible name of the whole player pane and of its placeholder text</extracomment>
        <translation>播放器</translation>
    </message>
    <message>
        <source>Playback problem</source>
        <extracomment>Accessible name of the title of a playback error (&quot;This video link has expired&quot;)</extracomment>
        <translation>播放问题</translation>
    </message>
    <message>
        <source>What to do</source>
        <extracomment>Accessible name of the explanation under a playback error</extracomment>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Ask KIE for a new temporary link to this video (valid for 20 minutes)</source>
        <extracomment>Tooltip of &quot;Get a fresh link&quot;</extracomment>
        <translation>向 KIE 请求此视频的新临时链接（有效期 20 分钟）</translation>
    </message>
    <message>
        <source>Try again</source>
        <extracomment>Player button after a network error: load the video again</extracomment>
        <translation>重试</translation>
    </message>
    <message>
        <source>Play online copy</source>
        <extracomment>Player button when the downloaded file fails: stream the online copy instead</extracomment>
        <translation>播放在线版本</translation>
    </message>
    <message>
        <source>This task failed, so it has no video.</source>
        <extracomment>Player pane for a failed task</extracomment>
        <translation>此任务已失败，因此没有视频。</translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Player button: downloads the video being shown</extracomment>
        <translation>下载</translation>
    </message>
    <message>
        <source>Save this video to the download folder; it then plays from disk</source>
        <translation>将此视频保存到下载文件夹，之后将从本地文件播放</translation>
    </message>
    <message>
        <source>Browser</source>
        <extracomment>Player button, short form of &quot;Open in browser&quot; for a narrow pane</extracomment>
        <translation>浏览器</translation>
    </message>
    <message>
        <source>System Player</source>
        <extracomment>Player button, short form of &quot;Open with system player&quot; for a narrow pane</extracomment>
        <translation>系统播放器</translation>
    </message>
    <message>
        <source>KIE deleted the videos of this task 14 days after they were made, and none was downloaded. Its prompt and details stay in the list.</source>
        <extracomment>Player pane for a task whose videos KIE deleted (14 days) with no downloaded copy</extracomment>
        <translation>KIE 已在生成 14 天后删除了此任务的视频，且没有下载过副本。任务的提示词和详情仍保留在列表中。</translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <extracomment>Player button opening Get 1080P, Get 4K and Extend for the task shown</extracomment>
        <translation>升级与延长</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <extracomment>Player button, short form of &quot;Upgrade and Extend&quot; for a narrow pane</extracomment>
        <translation>升级</translation>
    </message>
    <message>
        <source>Get the 1080P or 4K version of this video, or extend it</source>
        <translation>获取此视频的 1080P 或 4K 版本，或延长视频</translation>
    </message>
    <message>
        <source>More actions</source>
        <extracomment>Player button &quot;…&quot; holding the buttons that do not fit in a narrow pane</extracomment>
        <translation>更多操作</translation>
    </message>
</context>
<context>
    <name>veo::PostDownloadCommand</name>
    <message>
        <source>the task&apos;s JSON file could not be written: %1</source>
        <extracomment>%1: the system&apos;s reason</extracomment>
        <translation>无法写入任务的 JSON 文件：%1</translation>
    </message>
    <message>
        <source>“%1” was not found: install it, or give its full path.</source>
        <extracomment>%1: a program&apos;s name</extracomment>
        <translation>找不到“%1”：请安装它，或填写其完整路径。</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <extracomment>%1: a program&apos;s path</extracomment>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <source>“%1” is not a program that can be run.</source>
        <translation>“%1”不是可运行的程序。</translation>
    </message>
</context>
<context>
    <name>veo::ProblemReport</name>
    <message>
        <source>A problem report (versions, platform, keyring state and the last errors; no API key) is on the clipboard: paste it into your bug report or e-mail.</source>
        <translation>问题报告（版本、平台、密钥环状态和最近的错误；不含 API 密钥）已复制到剪贴板：请将它粘贴到你的问题报告或邮件中。</translation>
    </message>
    <message>
        <source>&amp;Report a Problem</source>
        <extracomment>Help menu: copies a report (versions, platform, errors; no secrets) to the clipboard</extracomment>
        <translation>报告问题(&amp;R)</translation>
    </message>
    <message>
        <source>Copy what a bug report needs to the clipboard (no API key)</source>
        <translation>将问题报告所需的信息复制到剪贴板（不含 API 密钥）</translation>
    </message>
</context>
<context>
    <name>veo::SettingsDialog</name>
    <message>
        <source>Polling</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Suffix of the polling interval, in seconds</extracomment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notify when a video is &amp;ready</source>
        <translation>视频生成后通知(&amp;R)</translation>
    </message>
    <message>
        <source>Notify when a render &amp;fails</source>
        <translation>任务失败时通知(&amp;F)</translation>
    </message>
    <message>
        <source>Play a &amp;sound with notifications</source>
        <translation>通知时播放提示音(&amp;S)</translation>
    </message>
    <message>
        <source>Warn when a key&apos;s &amp;credits fall below:</source>
        <extracomment>Settings: warn when an API key&apos;s credits (积分) fall below this number</extracomment>
        <translation>密钥积分低于此值时提醒(&amp;C)：</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Close to the tray and keep watching</source>
        <translation>关闭时最小化到托盘并继续跟踪(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close to the tray (this desktop has no tray)</source>
        <translation>关闭时最小化到托盘（此桌面没有托盘）(&amp;C)</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <extracomment>Settings: the file name the template gives for a sample task</extracomment>
        <translation>示例：%1</translation>
    </message>
    <message>
        <source>Enter a full path, starting with / (or choose a folder with Browse…).</source>
        <translation>请输入以 / 开头的完整路径（或通过“浏览…”选择文件夹）。</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>You cannot write to this folder. Choose another one.</source>
        <translation>无法写入此文件夹，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is created at the first download.</source>
        <translation>该文件夹尚不存在，将在首次下载时创建。</translation>
    </message>
    <message>
        <source>Download Folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>General</source>
        <extracomment>Settings tab</extracomment>
        <translation>常规</translation>
    </message>
    <message>
        <source>Downloads</source>
        <extracomment>Settings tab</extracomment>
        <translation>下载</translation>
    </message>
    <message>
        <source>Saving videos</source>
        <translation>保存视频</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Download new videos &amp;automatically when they are ready</source>
        <translation>新视频生成后自动下载(&amp;A)</translation>
    </message>
    <message>
        <source>When empty, videos are saved to %1.</source>
        <translation>留空时，视频保存到 %1。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Fields: {created:yyyyMMdd-HHmm}, {completed:…}, {prompt:40} (the first 40 characters), {taskId}, {model}, {resolution}, {kind} (result, origin, full), {index}, {ext}. Unsafe characters are replaced, and existing files are never overwritten.</source>
        <translation>可用字段：{created:yyyyMMdd-HHmm}、{completed:…}、{prompt:40}（提示词的前 40 个字符）、{taskId}、{model}、{resolution}、{kind}（result、origin、full）、{index}、{ext}。不安全的字符会被替换，已有文件绝不会被覆盖。</translation>
    </message>
    <message>
        <source>Save the task&apos;s details next to each video as a .&amp;json file</source>
        <translation>在每个视频旁保存任务详情（.json 文件）(&amp;J)</translation>
    </message>
    <message>
        <source>Simultaneous &amp;downloads:</source>
        <translation>同时下载数(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reset to Default</source>
        <extracomment>Settings: put the default file name template back</extracomment>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep before expiry: download videos not yet on disk before KIE deletes them (14 days after they are made)</source>
        <translation>到期前保存(&amp;K)：在 KIE 删除视频（生成 14 天后）之前，下载尚未保存到本地的视频</translation>
    </message>
    <message>
        <source>Download them this long &amp;before:</source>
        <extracomment>Settings: how long before KIE deletes a video Keep before expiry downloads it</extracomment>
        <translation>提前这么久下载(&amp;B)：</translation>
    </message>
    <message>
        <source> h</source>
        <extracomment>Suffix of the Keep before expiry margin, in hours</extracomment>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Poll at most &amp;every:</source>
        <extracomment>Settings: the longest wait between two checks of an unfinished task</extracomment>
        <translation>最多每隔(&amp;E)：</translation>
    </message>
    <message>
        <source>Between %1 and %2 seconds. Renders take 2-5 minutes: each task is checked by its age, every few seconds while renders usually finish, rarely before any can be ready, and once one could be ready never more than this apart.</source>
        <translation>范围为 %1 到 %2 秒。视频生成需要 2–5 分钟：每个任务按其时长检查，在通常完成的时段每隔几秒检查一次，在尚不可能完成时很少检查，可能完成后两次检查的间隔绝不超过此值。</translation>
    </message>
    <message>
        <source>Fi&amp;xed interval: check every task this often</source>
        <translation>固定间隔：每个任务都按此间隔检查(&amp;X)</translation>
    </message>
    <message>
        <source>Check every unfinished task at exactly this interval, whatever its age.</source>
        <translation>无论任务已进行多久，都严格按此间隔检查每个未完成的任务。</translation>
    </message>
    <message numerus="yes">
        <source>%1: the video&apos;s path, the task&apos;s ID, its prompt, a JSON file describing the task; each is one argument. No shell is involved; the program is stopped after %n minute(s).</source>
        <translation>
            <numerusform>%1：依次为视频路径、任务 ID、提示词、描述该任务的 JSON 文件；每个值都是一个独立参数。不经过 shell 运行；程序在 %n 分钟后会被终止。</numerusform>
        </translation>
    </message>
    <message>
        <source>After a download, &amp;run:</source>
        <extracomment>Settings: a program run after each download, with its arguments</extracomment>
        <translation>下载完成后运行(&amp;R)：</translation>
    </message>
    <message>
        <source>notify-send &quot;Video downloaded&quot; {file}</source>
        <extracomment>Settings: an example of the command run after each download; keep {file}</extracomment>
        <translation>notify-send &quot;视频已下载&quot; {file}</translation>
    </message>
</context>
<context>
    <name>veo::StartGuide</name>
    <message>
        <source>Getting Started</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <source>The system keyring cannot be used: %1 Your task history is shown; use API Keys… to enter a key for this session.</source>
        <translation>无法使用系统密钥环：%1任务历史仍可查看；请通过“API 密钥…”输入仅用于本次会话的密钥。</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <extracomment>Help menu: the steps from a fresh start to a first tracked task</extracomment>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Leave Demo</source>
        <translation>退出演示(&amp;L)</translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <source>Start Veo Tracker again with your own task list</source>
        <translation>重新启动 Veo Tracker，打开你自己的任务列表</translation>
    </message>
    <message>
        <source>Start Veo Tracker again with sample tasks from a simulated KIE server (no key needed)</source>
        <translation>重新启动 Veo Tracker，使用来自模拟 KIE 服务器的示例任务（无需密钥）</translation>
    </message>
    <message>
        <source>Demo mode: these sample tasks come from a simulated KIE server on this computer, and start over at every launch. Nothing is sent to KIE, and your real task list is not touched.</source>
        <translation>演示模式：这些示例任务来自本机上模拟的 KIE 服务器，每次启动都会从头开始。不会向 KIE 发送任何内容，也不会改动你真实的任务列表。</translation>
    </message>
</context>
<context>
    <name>veo::StartPage</name>
    <message>
        <source>Welcome to Veo Tracker</source>
        <translation>欢迎使用 Veo Tracker</translation>
    </message>
    <message>
        <source>You are in the demo: its sample tasks come from a simulated KIE server on this computer. To track your own renders, leave the demo, add your KIE API key and paste a task ID.</source>
        <translation>你正在使用演示：其中的示例任务来自本机上模拟的 KIE 服务器。要跟踪你自己的渲染任务，请退出演示，添加你的 KIE API 密钥并粘贴任务ID。</translation>
    </message>
    <message>
        <source>Your API key is ready. Next: paste the ID of a render task, and Veo Tracker watches it until its video is ready.</source>
        <translation>API 密钥已就绪。下一步：粘贴渲染任务的任务ID，Veo Tracker 会一直跟踪它，直到视频生成完毕。</translation>
    </message>
    <message>
        <source>Two steps to your first task: add your KIE API key, then paste the ID of a render you started. Or look around in the demo first.</source>
        <translation>两步即可跟踪第一个任务：添加你的 KIE API 密钥，然后粘贴你已发起的渲染的任务ID。也可以先在演示中看看。</translation>
    </message>
    <message>
        <source>API Keys…</source>
        <extracomment>Start page button; once a key exists it opens the same dialog to manage keys</extracomment>
        <translation>API 密钥…</translation>
    </message>
    <message>
        <source>Add your KIE API key</source>
        <translation>添加你的 KIE API 密钥</translation>
    </message>
    <message>
        <source>Done: Veo Tracker has a key to read your tasks with. More keys (personal, client) can be added here.</source>
        <translation>已完成：Veo Tracker 已有用于读取任务的密钥。可在这里添加更多密钥（个人、客户等）。</translation>
    </message>
    <message>
        <source>Create one at &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt; and paste it in. It is checked with KIE.AI, then kept in the system keyring, never in a file.</source>
        <translation>在 &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt; 创建密钥并粘贴到这里。它会先经 KIE.AI 验证，然后保存在系统密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Paste a task ID</source>
        <translation>粘贴任务ID</translation>
    </message>
    <message>
        <source>The taskId KIE.AI returned when you started a Veo render (from a script, the web or another tool); one or many at once. Each is checked until its video is ready, then it plays and downloads.</source>
        <translation>发起 Veo 渲染时 KIE.AI 返回的 taskId（来自脚本、网页或其他工具），可一次粘贴一个或多个。每个任务都会被持续查询，直到视频生成完毕，随后即可播放和下载。</translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>Veo Tracker starts again with your own task list.</source>
        <translation>Veo Tracker 将重新启动，并打开你自己的任务列表。</translation>
    </message>
    <message>
        <source>Sample tasks from a simulated KIE server on this computer: no key needed, nothing is sent to KIE. Veo Tracker starts again in demo mode.</source>
        <translation>来自本机上模拟的 KIE 服务器的示例任务：无需密钥，不会向 KIE 发送任何内容。Veo Tracker 将以演示模式重新启动。</translation>
    </message>
</context>
<context>
    <name>veo::StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting for the keyring</source>
        <translation>停止等待密钥环</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 %2</source>
        <extracomment>Status bar: count and status, e.g. &quot;3 Generating&quot;</extracomment>
        <translation>%2 %L1</translation>
    </message>
    <message>
        <source>%L1 failed</source>
        <extracomment>Status bar: number of failed tasks of any kind</extracomment>
        <translation>失败 %L1</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>轮询已暂停</translation>
    </message>
    <message>
        <source>Offline — waiting for the network</source>
        <translation>已离线，正在等待网络连接</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message numerus="yes">
        <source>Next check in %n s</source>
        <translation>
            <numerusform>%n 秒后再次检查</numerusform>
        </translation>
    </message>
    <message>
        <source>All tasks finished</source>
        <translation>所有任务均已完成</translation>
    </message>
    <message>
        <source>Waiting for the keyring…</source>
        <translation>正在等待密钥环…</translation>
    </message>
    <message>
        <source>Demo key</source>
        <translation>演示密钥</translation>
    </message>
    <message>
        <source>Key %1 (this session only)</source>
        <translation>密钥 %1（仅限本次会话）</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>No API key</source>
        <translation>无 API 密钥</translation>
    </message>
    <message>
        <source>Keyring unavailable</source>
        <translation>密钥环不可用</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln credit(s)</source>
        <extracomment>Status bar: the default key, then its credits (积分) left</extracomment>
        <translation>
            <numerusform>%1 · %Ln 积分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) expire soon, not downloaded</source>
        <extracomment>Status bar: videos KIE deletes within 48 hours that are not on disk</extracomment>
        <translation>
            <numerusform>%n 个视频即将过期，尚未下载</numerusform>
        </translation>
    </message>
    <message>
        <source>KIE deletes videos 14 days after they are made. Download them now, or turn on Keep before expiry in Preferences. The status filter lists them.</source>
        <translation>KIE 会在视频生成 14 天后将其删除。请立即下载，或在“首选项”中开启“到期前保存”。状态筛选中可列出这些任务。</translation>
    </message>
    <message numerus="yes">
        <source>Reading the task list: %Ln task(s) so far…</source>
        <extracomment>Status bar while a long task list is read at start-up</extracomment>
        <translation>
            <numerusform>正在读取任务列表：已读取 %Ln 个任务…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TaskActions</name>
    <message>
        <source>&amp;Add Tasks…</source>
        <translation>添加任务(&amp;A)…</translation>
    </message>
    <message>
        <source>Add task IDs to watch (%1)</source>
        <translation>添加要跟踪的任务ID（%1）</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Stop tracking the selected tasks (%1)</source>
        <translation>停止跟踪所选任务（%1）</translation>
    </message>
    <message>
        <source>Refresh &amp;Now</source>
        <translation>立即刷新(&amp;N)</translation>
    </message>
    <message>
        <source>Check the selected tasks now, or all tasks when none is selected (%1)</source>
        <translation>立即检查所选任务；未选择任务时检查全部任务（%1）</translation>
    </message>
    <message>
        <source>Refresh &amp;All</source>
        <translation>全部刷新(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>暂停轮询(&amp;P)</translation>
    </message>
    <message>
        <source>Stop checking tasks until you resume</source>
        <translation>暂停检查任务，直到你手动恢复</translation>
    </message>
    <message>
        <source>&amp;Copy Task ID</source>
        <translation>复制任务ID(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <extracomment>Menu/toolbar: download the videos of the selected tasks</extracomment>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Download the videos of the selected tasks (%1)</source>
        <translation>下载所选任务的视频（%1）</translation>
    </message>
    <message>
        <source>&amp;Open Downloaded Video</source>
        <translation>打开已下载的视频(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Change &amp;Key</source>
        <extracomment>Tasks menu / context menu: move the selected tasks to another API key</extracomment>
        <translation>更换密钥(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>Added %n task(s).</source>
        <translation>
            <numerusform>已添加 %n 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences in a row (Chinese needs no space after &quot;。&quot;)</extracomment>
        <translation>%1%2</translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked.</source>
        <translation>
            <numerusform>另有 %n 个任务已在跟踪中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop tracking task %1? Its record is removed from this list; the video on KIE is not affected.</source>
        <translation>要停止跟踪任务 %1 吗？该任务的记录将从此列表中移除，KIE 上的视频不受影响。</translation>
    </message>
    <message numerus="yes">
        <source>Stop tracking %n tasks? Their records are removed from this list; the videos on KIE are not affected.</source>
        <translation>
            <numerusform>要停止跟踪这 %n 个任务吗？这些任务的记录将从此列表中移除，KIE 上的视频不受影响。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Tasks</source>
        <translation>移除任务</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Checking all tasks…</source>
        <translation>正在检查全部任务…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n task(s)…</source>
        <translation>
            <numerusform>正在检查 %n 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n task ID(s).</source>
        <translation>
            <numerusform>已复制 %n 个任务ID。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) now use the key “%1”.</source>
        <extracomment>%n tasks now use the API key labelled %1</extracomment>
        <translation>
            <numerusform>%n 个任务现已改用密钥“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>No API keys yet</source>
        <translation>尚无 API 密钥</translation>
    </message>
    <message>
        <source>Find the Owner (Try All Keys)</source>
        <extracomment>Change Key menu: ask every key which one can see the selected tasks</extracomment>
        <translation>查找所属密钥（逐个尝试所有密钥）</translation>
    </message>
    <message numerus="yes">
        <source>Asking each API key about %n task(s)…</source>
        <translation>
            <numerusform>正在用每个 API 密钥查询 %n 个任务…</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 belongs to the key “%2”.</source>
        <extracomment>%1: a task ID; %2: the label of the API key that owns it</extracomment>
        <translation>任务 %1 属于密钥“%2”。</translation>
    </message>
    <message>
        <source>Task %1 belongs to the default key.</source>
        <translation>任务 %1 属于默认密钥。</translation>
    </message>
</context>
<context>
    <name>veo::TaskDetailsPane</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open link in browser</source>
        <translation>在浏览器中打开链接</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks selected.</source>
        <translation>
            <numerusform>已选择 %n 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>选择一个任务以查看详细信息。</translation>
    </message>
    <message>
        <source>Task ID</source>
        <extracomment>Details pane label</extracomment>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Details pane label: status of a task</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>KIE error</source>
        <translation>KIE 错误</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Generation type</source>
        <translation>生成类型</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation>托底模型</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>生成结果</translation>
    </message>
    <message>
        <source>Full result</source>
        <translation>完整结果</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>原始视频</translation>
    </message>
    <message>
        <source>API key</source>
        <extracomment>Details pane label: which API key polls this task</extracomment>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Request (paramJson)</source>
        <translation>请求参数（paramJson）</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Details pane button: download this video</extracomment>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download video</source>
        <translation>下载视频</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <extracomment>Details pane button: show the downloaded video in the file manager</extracomment>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Key removed (right-click the task: Change Key)</source>
        <extracomment>Details pane: the task&apos;s key was removed</extracomment>
        <translation>密钥已删除（右键单击任务：更换密钥）</translation>
    </message>
    <message>
        <source>Finding owner (each of your keys is asked)</source>
        <extracomment>Details pane: &quot;Try all keys&quot; is still asking each key whether the task is theirs</extracomment>
        <translation>正在查找所属密钥（逐个询问您的密钥）</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <extracomment>Details pane: a video link after KIE deleted the video (14 days)</extracomment>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <extracomment>Details pane button opening Get 1080P, Get 4K and Extend for this task</extracomment>
        <translation>升级与延长</translation>
    </message>
    <message>
        <source>Videos expire</source>
        <extracomment>Details pane label: when KIE deletes the task&apos;s videos (14 days after they were made). Value e.g. &quot;in 3 days (Saturday, 12 December 2026 14:02)&quot;</extracomment>
        <translation>视频过期时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <extracomment>Details pane label: the credits the task cost (unknown: no row)</extracomment>
        <translation>积分消耗</translation>
    </message>
</context>
<context>
    <name>veo::TaskListPane</name>
    <message>
        <source>Search task ID, prompt or error (%1)</source>
        <translation>搜索任务ID、提示词或错误（%1）</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>搜索任务</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Filter by API key</source>
        <translation>按 API 密钥筛选</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <source>All statuses (%L1)</source>
        <translation>全部状态（%L1）</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <extracomment>Status filter entry: status name and how many tasks have it</extracomment>
        <translation>%1（%L2）</translation>
    </message>
    <message>
        <source>All keys</source>
        <translation>全部密钥</translation>
    </message>
    <message>
        <source>Key removed</source>
        <extracomment>Key filter entry: tasks whose key was removed</extracomment>
        <translation>密钥已删除</translation>
    </message>
    <message>
        <source>Expiring soon, not downloaded (%L1)</source>
        <extracomment>Status filter entry: finished videos not downloaded that KIE deletes within 48 hours</extracomment>
        <translation>即将过期且未下载（%L1）</translation>
    </message>
    <message>
        <source>Expired, not downloaded (%L1)</source>
        <extracomment>Status filter entry: videos KIE has deleted (14 days) with no copy on disk</extracomment>
        <translation>已过期且未下载（%L1）</translation>
    </message>
    <message>
        <source>Task gallery</source>
        <extracomment>The task list shown as a grid of video pictures</extracomment>
        <translation>任务图库</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <extracomment>View menu: show the tasks as the table (Ctrl+1)</extracomment>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <extracomment>View menu: show the tasks as a grid of video pictures (Ctrl+2)</extracomment>
        <translation>图库(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Pictures in the List</source>
        <extracomment>View menu: a small picture of each finished video beside its prompt in the list</extracomment>
        <translation>在列表中显示缩略图(&amp;P)</translation>
    </message>
    <message>
        <source>Show a picture of each finished video beside its prompt (taken from the video, kept in the cache)</source>
        <translation>在提示词旁显示每个已完成视频的画面（取自视频本身，保存在缓存中）</translation>
    </message>
</context>
<context>
    <name>veo::TaskRepository</name>
    <message>
        <source>Could not remove tasks from the task database.</source>
        <translation>无法从任务数据库中移除任务。</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>有 %n 条任务更新无法保存到任务数据库。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not add %n task(s) to the task database.</source>
        <translation>
            <numerusform>有 %n 个任务无法添加到任务数据库。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the new task ID %1 to the task database.</source>
        <translation>无法将新任务 ID %1 保存到任务数据库。</translation>
    </message>
    <message numerus="yes">
        <source>Only %n task(s) could be read from the task list: %1. The list shows those; nothing was changed in the file. Quit and start Veo Tracker again to read it again.</source>
        <extracomment>%1 = SQLite&apos;s reason, e.g. &quot;database disk image is malformed&quot;</extracomment>
        <translation>
            <numerusform>任务列表中只能读取 %n 个任务：%1。列表只显示这些任务；文件未做任何更改。请退出并重新启动 Veo Tracker 以再次读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TaskStore</name>
    <message>
        <source>Could not create the folder %1 for the task list.</source>
        <translation>无法为任务列表创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not open the task list: %1 is not a file.</source>
        <translation>无法打开任务列表：%1 不是文件。</translation>
    </message>
    <message>
        <source>The task list %1 is damaged and could not be moved aside.</source>
        <translation>任务列表 %1 已损坏，且无法将其移到别处。</translation>
    </message>
    <message>
        <source>The task list could not be read. It was moved to %1 and a new, empty task list was created.</source>
        <translation>无法读取任务列表。已将其移至 %1，并新建了一个空的任务列表。</translation>
    </message>
    <message>
        <source>Could not open the task list %1: %2</source>
        <translation>无法打开任务列表 %1：%2</translation>
    </message>
    <message>
        <source>the SQLite driver for Qt is not installed</source>
        <translation>未安装 Qt 的 SQLite 驱动</translation>
    </message>
    <message>
        <source>The task list %1 was written by a newer version of Veo Tracker (format %2; this version understands up to %3). It was left unchanged: please update Veo Tracker.</source>
        <translation>任务列表 %1 由更新版本的 Veo Tracker 写入（格式 %2；当前版本最高支持格式 %3）。文件未做任何改动，请更新 Veo Tracker。</translation>
    </message>
    <message>
        <source>Could not open the task list %1: its folder or the file is read-only (%2). Make them writable and start Veo Tracker again.</source>
        <translation>无法打开任务列表 %1：其所在文件夹或文件本身是只读的（%2）。请将它们改为可写，然后重新启动 Veo Tracker。</translation>
    </message>
    <message>
        <source>the task list is not open</source>
        <translation>任务列表未打开</translation>
    </message>
</context>
<context>
    <name>veo::TaskTableModel</name>
    <message>
        <source>%1 (code %2)</source>
        <extracomment>Error column for a failed task: %1 is KIE&apos;s error message, %2 its error code</extracomment>
        <translation>%1（错误码 %2）</translation>
    </message>
    <message>
        <source>Error code %1</source>
        <extracomment>Error column for a failed task that came with a code but no message</extracomment>
        <translation>错误码 %1</translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>API key column: the task uses the default key</extracomment>
        <translation>默认</translation>
    </message>
    <message>
        <source>Task ID</source>
        <extracomment>Column header: KIE&apos;s task ID</extracomment>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Column header: status of a task</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Prompt</source>
        <extracomment>Column header: the text prompt the video was generated from</extracomment>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Model</source>
        <extracomment>Column header: the Veo model (veo3, veo3_fast)</extracomment>
        <translation>模型</translation>
    </message>
    <message>
        <source>Resolution</source>
        <extracomment>Column header: video resolution (720p, 1080p)</extracomment>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Column header: when KIE created the task</extracomment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <extracomment>Column header: when KIE finished the task</extracomment>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>API key</source>
        <extracomment>Column header: which API key polls the task</extracomment>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Last checked</source>
        <extracomment>Column header: when the app last asked KIE about the task</extracomment>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Error</source>
        <extracomment>Column header: the last error for the task</extracomment>
        <translation>错误</translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Column header: whether the task&apos;s video is downloaded (or how far)</extracomment>
        <translation>下载</translation>
    </message>
    <message>
        <source>The API key this task was checked with has been removed. Right-click the task and choose Change Key to pick another.</source>
        <translation>检查此任务所用的 API 密钥已被删除。请右键单击该任务，选择“更换密钥”以指定其他密钥。</translation>
    </message>
    <message>
        <source>Key removed</source>
        <extracomment>API key column: the task&apos;s key was removed; the user must pick another</extracomment>
        <translation>密钥已删除</translation>
    </message>
    <message>
        <source>Each of your API keys is asked whether this task is theirs. The task is checked with the one that knows it.</source>
        <extracomment>Tooltip of &quot;Finding owner…&quot; in the API key column</extracomment>
        <translation>正在逐个向您的 API 密钥确认该任务的归属，之后将使用能查到该任务的密钥进行查询。</translation>
    </message>
    <message>
        <source>Finding owner…</source>
        <extracomment>API key column: &quot;Try all keys&quot; is asking each key whether the task is theirs</extracomment>
        <translation>正在查找所属密钥…</translation>
    </message>
    <message>
        <source>Expires</source>
        <extracomment>Column header: when KIE deletes the task&apos;s videos (14 days after they were made)</extracomment>
        <translation>到期</translation>
    </message>
    <message>
        <source>%1
Made from task %2</source>
        <extracomment>Tooltip of a child task (an upgrade or extension): its ID and its parent&apos;s</extracomment>
        <translation>%1
由任务 %2 生成</translation>
    </message>
    <message>
        <source>No task ID yet</source>
        <translation>尚无任务 ID</translation>
    </message>
    <message>
        <source>KIE deletes this task&apos;s videos on %1 (14 days after they were made). Download them before then; a downloaded copy stays.</source>
        <extracomment>Tooltip of the Expires column: %1 = date and time</extracomment>
        <translation>KIE 将于 %1 删除此任务的视频（生成 14 天后）。请在此之前下载；已下载的副本会保留。</translation>
    </message>
    <message>
        <source>Extension</source>
        <extracomment>A child task that extends the video of its parent</extracomment>
        <translation>延长</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, whose video is ready</extracomment>
        <translation>%1 已就绪</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, which failed</extracomment>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>%1 processing</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, still being made</extracomment>
        <translation>%1 生成中</translation>
    </message>
    <message>
        <source>1080P of video %1</source>
        <extracomment>A child task in the list: the 1080P version of the parent&apos;s video %1 (1, 2...)</extracomment>
        <translation>视频 %1 的 1080P</translation>
    </message>
    <message>
        <source>4K of video %1</source>
        <extracomment>A child task in the list: the 4K version of the parent&apos;s video %1 (1, 2...)</extracomment>
        <translation>视频 %1 的 4K</translation>
    </message>
    <message>
        <source>Extension (no task ID yet)</source>
        <extracomment>A child task in the list: an extension whose request was not accepted yet</extracomment>
        <translation>延长（尚无任务 ID）</translation>
    </message>
    <message>
        <source>Requested</source>
        <extracomment>Status of a 4K upgrade (requested, no answer yet) or an extension being sent</extracomment>
        <translation>已请求</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Requested, answer lost</source>
        <extracomment>Status: the request went out but its answer never came; it is not sent again</extracomment>
        <translation>已请求，响应丢失</translation>
    </message>
    <message>
        <source>Sent, answer lost</source>
        <translation>已发送，响应丢失</translation>
    </message>
    <message>
        <source>Refused</source>
        <extracomment>Status: KIE refused the request (nothing was made or charged)</extracomment>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>Expires column: KIE has deleted the task&apos;s videos (after 14 days)</extracomment>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <extracomment>Expires column: the videos are deleted in this many days</extracomment>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <extracomment>Expires column: the videos are deleted in this many hours</extracomment>
        <translation>
            <numerusform>%n 小时后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <extracomment>Expires column: the videos are deleted in this many minutes</extracomment>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <extracomment>Status: a new generation stored and waiting for its turn (KIE takes 20 per 10 s)</extracomment>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Status: a queued generation the user held back; it is not sent until resumed</extracomment>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cost</source>
        <extracomment>Column header: how many credits the task cost</extracomment>
        <translation>积分消耗</translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <extracomment>What a task cost, e.g. &quot;60 credits&quot; (KIE&apos;s credits: 积分)</extracomment>
        <translation>
            <numerusform>%Ln 积分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min, longer than usual</source>
        <extracomment>Status after &quot;Generating&quot;: a render running for %1 minutes, far longer than the usual 2-5 minutes</extracomment>
        <translation>已 %1 分钟，比平常久</translation>
    </message>
    <message>
        <source>Still generating after %1 minutes. Renders usually take 2-5 minutes, and KIE reports a timeout upstream after about 10. It is still checked; if it stays like this, look at the task in your kie.ai logs.</source>
        <extracomment>Tooltip of a render still generating after %1 minutes</extracomment>
        <translation>%1 分钟后仍在生成中。视频生成通常需要 2–5 分钟，KIE 在约 10 分钟后会报告上游超时。仍会继续检查；如果一直如此，请在 kie.ai 日志中查看该任务。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>A span of time in seconds, e.g. &quot;45 s&quot;</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>A span of time, e.g. &quot;2 min 31 s&quot;</extracomment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A span of time, e.g. &quot;1 h 5 min&quot;</extracomment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1, retrying now</source>
        <extracomment>Status after a failed check: %1 = what went wrong (&quot;server error&quot;); the check is being made again now</extracomment>
        <translation>%1，正在重试</translation>
    </message>
    <message>
        <source>%1, retry in %2</source>
        <extracomment>Status after a failed check: %1 = what went wrong (&quot;server error&quot;), %2 = when it is checked again (&quot;40 s&quot;, &quot;2 min 5 s&quot;)</extracomment>
        <translation>%1，%2后重试</translation>
    </message>
    <message>
        <source>Next check at %1; Refresh Now checks at once.</source>
        <extracomment>Tooltip of a task whose last check failed: %1 = the time of the next check</extracomment>
        <translation>下次检查时间 %1；“立即刷新”可马上检查。</translation>
    </message>
</context>
<context>
    <name>veo::TaskTracker</name>
    <message>
        <source>Could not save the new API key of the tasks.</source>
        <translation>无法保存这些任务的新 API 密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>有 %n 条任务更新无法保存到任务数据库。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TrayIcon</name>
    <message>
        <source>Show Veo Tracker</source>
        <translation>显示 Veo Tracker</translation>
    </message>
    <message>
        <source>Veo Tracker: %1, %2</source>
        <extracomment>Tray tooltip, e.g. &quot;2 generating, 1 ready&quot;</extracomment>
        <translation>Veo Tracker：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n generating</source>
        <translation>
            <numerusform>%n 个生成中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) expire soon, not downloaded</source>
        <extracomment>Tray tooltip, second line: videos KIE deletes within 48 hours, not on disk</extracomment>
        <translation>
            <numerusform>%n 个视频即将过期，尚未下载</numerusform>
        </translation>
    </message>
</context>
</TS>
