<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiBase</name>
    <message>
        <source>The API address is empty. Enter one such as https://api.kie.ai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address is not a valid URL. Enter one such as https://api.kie.ai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address must start with https://, for example https://api.kie.ai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address has no host name. Enter one such as https://api.kie.ai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address must not contain a user name or password. Remove them; the API key is entered separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address must be just the server, without a path such as /api/v1. Enter it like https://api.kie.ai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address uses http://, which would send the API key unencrypted. Use https:// (plain http:// is allowed only for a test server on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Could not reach KIE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach KIE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE sent an answer that is far too large; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE sent an answer that could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE answered with HTTP error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key was refused (401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has run out of credits (402).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE does not know this task yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE keeps task records for 14 days only; this one has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE does not know this task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests: KIE asked us to slow down (429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE is under maintenance (455).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE reported a server error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE reported a server error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE rejected the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE rejected the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is available for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send the API key over an unencrypted connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your internet connection; the task is checked again automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is usually temporary; the task is checked again automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API key in Keys (kie.ai → API Key), or its IP whitelist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up credits on kie.ai; polling continues meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task that was just created can take a moment to appear; it is checked again shortly. If it persists, check the task ID and the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing more can be fetched; download results within 14 days next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the task ID is right and belongs to this API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling slows down by itself; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until KIE&apos;s maintenance ends; polling resumes by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read KIE&apos;s message above; the request itself was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an API key (Keys → Add), then refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// API address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>KIE had not finished this after %n minute(s); it is no longer checked.</source>
        <translation>
            <numerusform>KIE had not finished this after %n minute; it is no longer checked.</numerusform>
            <numerusform>KIE had not finished this after %n minutes; it is no longer checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Retry to ask KIE again; nothing is charged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <extracomment>A few words for the Status column: the last check could not reach KIE</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <extracomment>A few words for the Status column: KIE did not answer in time</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <extracomment>A few words for the Status column: the computer has no network</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <extracomment>A few words for the Status column: KIE&apos;s answer could not be read</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server error</source>
        <extracomment>A few words for the Status column: KIE reported a server error (5xx)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key refused</source>
        <extracomment>A few words for the Status column: KIE refused the API key (401)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of credits</source>
        <extracomment>A few words for the Status column: the account has no credits left (402)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found yet</source>
        <extracomment>A few words for the Status column: KIE does not know the task yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>A few words for the Status column: KIE&apos;s record is older than 14 days</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown task</source>
        <extracomment>A few words for the Status column: KIE does not know the task ID</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <extracomment>A few words for the Status column: KIE asked to slow down (429)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE maintenance</source>
        <extracomment>A few words for the Status column: KIE is under maintenance (455)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request rejected</source>
        <extracomment>A few words for the Status column: KIE rejected the request (4xx)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API key</source>
        <extracomment>A few words for the Status column: no API key for this task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insecure address</source>
        <extracomment>A few words for the Status column: the API address is not https</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up</source>
        <extracomment>A few words for the Status column: an upgrade not ready after its time limit</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Watches KIE.AI Veo 3.1 render tasks until they finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track these task IDs (same as listing them without an option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check each task ID once, print one JSON line per task and exit: 0 when all succeeded, 1 when some are still generating, 2 when any failed or could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the app with simulated tasks; no API key needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address (default https://api.kie.ai; also VEO_TRACKER_API_BASE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language for this run: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store an API key under this label. The key is read from standard input, never from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the stored API keys (labels, hints, credits; never a secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task IDs to track or check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key on standard input, not as an argument: echo &quot;$KEY&quot; | veo-tracker --add-key LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--add-key needs a label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--check needs at least one task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a task ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--check does not read 4K versions (%1): reading one repeats its paid request. Watch it in the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one of --get-1080p, --get-4k or --extend, with one task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--extend needs --prompt: what happens next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; use fast, quality or lite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video index after &quot;:&quot; must be a number from 0: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--get-4k costs extra credits: add --yes to agree. It is sent once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask KIE for the 1080P version of a finished task&apos;s video (INDEX from 0, default 0; free). Prints one JSON line: 0 when accepted, 2 when refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask KIE for the 4K version (costs credits: needs --yes). Exits 3 when its answer was lost: it is never sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree to spend credits (--get-4k).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend a finished task&apos;s video with --prompt (costs credits). Exits 3 when its answer was lost: it is never sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes %3, not &quot;%2&quot;.</source>
        <extracomment>%1 = an option (--aspect), %2 = what was given, %3 = the values it takes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --generate or --batch FILE, without task IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; use veo3, veo3_fast or veo3_lite (or quality, fast, lite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seeds takes a number from 10000 to 99999, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--generate needs --prompt: what the video shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new Veo 3.1 generation with --prompt (costs credits) and print one JSON line with its task ID: exit 0 when accepted, 2 when refused, 3 when its answer was lost (it may have been accepted: check kie.ai&apos;s logs; it is never sent again). Veo Tracker&apos;s window follows it from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every generation of a CSV or JSON file (one per row; the options below are the defaults for what a row leaves out), 20 every 10 seconds. One JSON line per generation as it is answered; exit 0 when all were accepted, 2 when any was refused, 3 when any answer was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored API key that pays (--generate, --batch; default: the default key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the video shows (--generate), or what happens next in it (--extend).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--generate: veo3_fast (default), veo3 or veo3_lite (also fast, quality, lite). --extend: fast (default), quality or lite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio: 16:9 (default), 9:16 or Auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>720p (default), 1080p or 4k.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seed from 10000 to 99999 (default: KIE picks one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark text on the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the prompt as it is (KIE translates it to English by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT_2_VIDEO, FIRST_AND_LAST_FRAMES_2_VIDEO or REFERENCE_2_VIDEO (default: KIE decides from the images).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one command at a time: --generate, --batch, --get-1080p, --get-4k or --extend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 goes with --generate or --batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--generate and --batch do not work in the demo: try New Generation in the demo&apos;s window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --batch, --image takes an https address, not a file (%1): upload files with --generate --image or in the window. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image: a JPEG, PNG or WebP file (uploaded to KIE&apos;s file storage first) or its https address. Repeat for up to 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status and --since go with --export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export writes the whole list (or --status and --since of it): it takes no task IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; for --status; use one of: pending, generating, succeeded, failed, generation_failed, other_failure, unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since takes a date such as 2026-12-01 (or 2026-12-01T08:00), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the task list to this file and exit: JSON when it ends in .json, else CSV. Every field, key labels but never a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export: only tasks with this status (pending, generating, succeeded, failed, generation_failed, other_failure, unavailable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export: only tasks created on or after this date (2026-12-01, or a time such as 2026-12-01T08:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the task IDs in this file to the task list and exit: a CSV or JSON file as --export writes (keys by label), or text with IDs. An open window imports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--import takes only its file: no task IDs and no other command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandTemplate</name>
    <message>
        <source>A double quote (&quot;) is not closed: add the closing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single quotes do not keep words together here: use double quotes, as in &quot;two words&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the program to run, for example: notify-send &quot;Video downloaded&quot; {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown placeholder %1. Use %2.</source>
        <extracomment>%1: what the user typed, e.g. {name}; %2: the list of placeholders</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the program to run, not a placeholder: a downloaded file is never run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>Queued</source>
        <extracomment>A download waiting for a free slot.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <extracomment>A finished download.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Download progress: bytes received of the file&apos;s size (&quot;12.4 MB of 48 MB&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>Download speed, e.g. &quot;2.1 MB/s&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <extracomment>Time left for a download: hours and minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <extracomment>Time left for a download: minutes and seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <extracomment>Time left for a download: seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadCoordinator</name>
    <message numerus="yes">
        <source>Downloading %n video(s).</source>
        <translation>
            <numerusform>Downloading %n video.</numerusform>
            <numerusform>Downloading %n videos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) already in the downloads.</source>
        <translation>
            <numerusform>%n video is already in the downloads.</numerusform>
            <numerusform>%n videos are already in the downloads.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) already downloaded.</source>
        <translation>
            <numerusform>%n video is already downloaded.</numerusform>
            <numerusform>%n videos are already downloaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) have no video to download yet.</source>
        <translation>
            <numerusform>%n task has no video to download yet.</numerusform>
            <numerusform>%n tasks have no video to download yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>KIE deleted the videos of %n task(s) 14 days after they were made: they can no longer be downloaded.</source>
        <translation>
            <numerusform>KIE deleted the videos of %n task 14 days after they were made: they can no longer be downloaded.</numerusform>
            <numerusform>KIE deleted the videos of %n tasks 14 days after they were made: they can no longer be downloaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadError</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence saying what went wrong, %2 the system&apos;s own words for it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the media server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media server answered with HTTP status %1.</source>
        <extracomment>%1 is an HTTP status code such as 500.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download folder cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than this system allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download link has expired or was removed (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code: 403, 404 or 410.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file does not have the expected size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed on the server while it was being downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the connection and try again; the download continues where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space and try again; what was downloaded so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a download folder on another drive (FAT32 drives cannot hold files over 4 GB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a fresh link and try again. KIE keeps generated videos for 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again to download the file from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another download folder in Preferences, or fix the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadMark</name>
    <message>
        <source>Queued</source>
        <extracomment>Download column: waiting to start downloading</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>Download column: percentage downloaded so far</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Download column: the download is paused</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>Download column: the download failed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File missing</source>
        <extracomment>Download column: the downloaded file was deleted or moved</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download failed. Open the Downloads panel to see why and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded: plays from disk. Right-click to open the file or its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file is no longer where it was saved. Download it again, or put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Downloaded (%n)</source>
        <extracomment>Download column: the video is on disk; %n: how many videos when more than one</extracomment>
        <translation>
            <numerusform>Downloaded (%n)</numerusform>
            <numerusform>Downloaded (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileNameTemplate</name>
    <message>
        <source>The “}” at position %1 has no matching “{”. Write “}}” for a brace in the name.</source>
        <extracomment>A file name template; %1 is a character position (1 = first).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “{” at position %1 has no matching “}”.</source>
        <extracomment>A file name template; %1 is a character position (1 = first).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “{%1}”. Known fields: %2.</source>
        <extracomment>%1 is what the user wrote between braces, %2 the list of known fields.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In “{prompt:N}”, N must be a number from 1 to %1.</source>
        <extracomment>{prompt:N} in a file name template; %1 is the largest allowed N.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “{%1}” takes no option after “:”.</source>
        <extracomment>%1 is a field name of a file name template, e.g. {taskId}.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A red fox running through fresh snow at dawn, cinematic, slow motion</source>
        <extracomment>A sample prompt shown in the file name preview in Settings.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyHealth</name>
    <message>
        <source>OK</source>
        <extracomment>Health of an API key: the last credits check worked</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <extracomment>Health of an API key: never checked successfully with KIE.AI</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid key</source>
        <extracomment>Health of an API key: KIE.AI refused it (HTTP 401)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credits</source>
        <extracomment>Health of an API key: the account has no credits left</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited</source>
        <extracomment>Health of an API key: KIE.AI asked to slow down (HTTP 429)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE.AI unreachable</source>
        <extracomment>Health of an API key: KIE.AI could not be reached to check it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing from the keyring</source>
        <extracomment>Health of an API key: its secret is missing from the system keyring</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <extracomment>Health of an API key: some other error</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaHost</name>
    <message>
        <source>The file is larger than %1 MB.</source>
        <extracomment>a preview picture on the media host; %1 = a size limit in MB</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s).</source>
        <extracomment>a preview picture on the media host</extracomment>
        <translation>
            <numerusform>No answer within %n second.</numerusform>
            <numerusform>No answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaSource</name>
    <message>
        <source>Result</source>
        <extracomment>Video source in the player&apos;s switcher: the generated video (KIE&apos;s resultUrls)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <extracomment>Video source in the player&apos;s switcher: the original video before it was reframed to the requested aspect ratio (KIE&apos;s originUrls)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (extended)</source>
        <extracomment>Video source in the player&apos;s switcher: the complete video after an extension (KIE&apos;s fullResultUrls)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Several videos of one kind: %1 is the kind (&quot;Result&quot;), %2 its number (1, 2, ...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerControls</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tooltip of a player control: %1 is the action (&quot;Play&quot;), %2 its keyboard shortcut</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerPane</name>
    <message>
        <source>This video link has expired</source>
        <extracomment>Player error title: the media host no longer serves the video at this address</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file can&apos;t be read</source>
        <extracomment>Player error title: the downloaded video file cannot be read</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video couldn&apos;t be loaded</source>
        <extracomment>Player error title: a network problem while streaming the video</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This isn&apos;t a playable video</source>
        <extracomment>Player error title: the received data is not a playable video</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video codec is missing</source>
        <extracomment>Player error title: the system lacks a decoder for the video format</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video couldn&apos;t be played</source>
        <extracomment>Player error title: any other playback failure</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE&apos;s video links work only for a limited time. Get a fresh link to keep watching, and download the video to keep a copy.</source>
        <extracomment>Player error advice for an expired link</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file may have been moved or deleted. Play the online copy instead, or download the video again.</source>
        <extracomment>Player error advice when the downloaded copy is gone or unreadable</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media server couldn&apos;t be reached or answered with an error. Check your internet connection, then try again.</source>
        <extracomment>Player error advice for a network problem</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file may be damaged or incomplete. Open it in the browser, or download it again.</source>
        <extracomment>Player error advice when the data is not a video</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the packages gstreamer1.0-libav (H.264/AAC) and gstreamer1.0-plugins-good, then restart Veo Tracker. Until then, open the video with the system player.</source>
        <extracomment>Player error advice when a codec is missing. Keep the Debian package names as they are.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again, or open the video in the browser or with the system player.</source>
        <extracomment>Player error advice for any other failure</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <extracomment>Appended to a player error: %1 is the media backend&apos;s own (often English) message</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostDownloadCommand</name>
    <message>
        <source>Command waiting</source>
        <extracomment>Downloads panel: the command run after a download waits for others to end</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command ran (exit %1)</source>
        <extracomment>Downloads panel: the command run after the download ended well; %1 is 0</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command failed: exit %1</source>
        <extracomment>Downloads panel: the command run after the download ended with exit status %1</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command failed: it crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command could not start: %1</source>
        <extracomment>Downloads panel: %1 says why the command run after the download could not start</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command timed out and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptCommand</name>
    <message>
        <source>The key &quot;%1&quot; could not be read from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is labelled &quot;%1&quot;: `veo-tracker --list-keys` shows the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key: set KIE_API_KEY, or save a key in Veo Tracker first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskImporter</name>
    <message numerus="yes">
        <source>Added %n task(s).</source>
        <extracomment>Import: the first line of the report</extracomment>
        <translation>
            <numerusform>Added %n task.</numerusform>
            <numerusform>Added %n tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked.</source>
        <translation>
            <numerusform>%n already tracked.</numerusform>
            <numerusform>%n already tracked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be saved in the task database: try importing the file again.</source>
        <translation>
            <numerusform>%n could not be saved in the task database: try importing the file again.</numerusform>
            <numerusform>%n could not be saved in the task database: try importing the file again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; not found: its tasks were added with the default key.</source>
        <extracomment>Import: a row names a key label that no saved key has</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) held no task ID and were left out:</source>
        <translation>
            <numerusform>%n line held no task ID and was left out:</numerusform>
            <numerusform>%n lines held no task ID and were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 1080P or 4K upgrade(s) were left out: ask for them again with Upgrade once their original is listed.</source>
        <translation>
            <numerusform>%n 1080P or 4K upgrade was left out: ask for it again with Upgrade once its original is listed.</numerusform>
            <numerusform>%n 1080P or 4K upgrades were left out: ask for them again with Upgrade once their original is listed.</numerusform>
        </translation>
    </message>
    <message>
        <source>  item %1: %2</source>
        <extracomment>Import: one left-out line of the file; %1 = its number, %2 = what it held</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  and %n more.</source>
        <translation>
            <numerusform>  and %n more.</numerusform>
            <numerusform>  and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a text file: import a CSV, JSON or text file with task IDs (UTF-8), such as Export Tasks writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Waiting</source>
        <extracomment>Task status: added, KIE has not reported it yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating</source>
        <extracomment>Task status, successFlag 0 (KIE CN docs: 生成中)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <extracomment>Task status, successFlag 1 (KIE CN docs: 成功)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>Task status, successFlag 2 (KIE CN docs: 失败)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed</source>
        <extracomment>Task status, successFlag 3 (KIE CN docs: 生成失败)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (flag %1)</source>
        <extracomment>Task status for an undocumented successFlag value; %1 is that raw value</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <extracomment>Task status: KIE no longer has the record (expired after 14 days, or never existed)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenResult</name>
    <message>
        <source>No API key is stored in the system keyring under this name. Enter the key again to store it.</source>
        <extracomment>Keyring read: the Secret Service works, but has no entry for this API key name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Secret Service (system keyring) is running, so API keys cannot be stored securely. Install and start gnome-keyring or KWallet (Debian: apt install gnome-keyring libsecret-1-0), then restart Veo Tracker. Meanwhile you can use a session-only key, which is forgotten when the app quits.</source>
        <extracomment>Keyring unusable: no Secret Service (gnome-keyring, KWallet) answers on D-Bus. Keep the package names and the command unchanged.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked or refused access. Unlock it (for example in &quot;Passwords and Keys&quot; or by logging in again) and try again.</source>
        <extracomment>Keyring exists but refused access: locked (e.g. no login unlock) or the user said no</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring operation was cancelled.</source>
        <extracomment>Keyring operation cancelled (by the user or because the app is closing)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring reported an unknown error.</source>
        <extracomment>Keyring failure without any further explanation from the keyring</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring reported an error: %1</source>
        <extracomment>Keyring failure; %1 is the keyring&apos;s own message, usually English</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No API key: set KIE_API_KEY, or save a key in Veo Tracker first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the simulated KIE server for the demo on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker is already running but does not answer (%1). Close it, or end its process, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try `veo-tracker --help`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker could not start itself again (%1). Quit it and start it yourself: veo-tracker %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker is running and owns the task list: use Upgrade and Extend in its window, or quit it and run this again. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker is running and owns the task list: use New Generation in its window, or quit it and run this again. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>--export FILE; %2 = the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <extracomment>--export FILE</extracomment>
        <translation>
            <numerusform>Exported %n task to %1.</numerusform>
            <numerusform>Exported %n tasks to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <extracomment>--import FILE; %2 = the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker is running but does not answer: use File &gt; Import Tasks… in its window (or drop the file on it), or quit it and run this again. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker is running: its window imports %1 and shows what it added.</source>
        <extracomment>--import while the window is open; %1 = the file</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the whole task list (%1); nothing was exported.</source>
        <extracomment>--export; %1 = SQLite&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo</name>
    <message>
        <source>Describe the video: the prompt is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown aspect ratio &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown resolution &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds must be a number from 10000 to 99999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image address KIE can fetch (http or https).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to video takes no images: choose another type or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First and last frames need one or two images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference images need one to three images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE makes videos from reference images with the Fast model only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most two images (first and last frame), or three as reference images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown generation type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and the rest were left out: a batch holds at most %2 generations; split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no generations: a JSON batch is an array of objects with a &quot;prompt&quot; each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1</source>
        <extracomment>A generation in a JSON batch file, counted from 1</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an object with a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is not a field of a generation and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no &quot;prompt&quot; column: its first row must name the fields (prompt, model, aspect_ratio, seeds...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1</source>
        <extracomment>A row of a CSV batch file as a spreadsheet numbers it (the header is row 1)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a value of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header row but no generations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::AddKeyPage</name>
    <message>
        <source>Another key is already labelled &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the key with KIE.AI…</source>
        <extracomment>Keys dialog: the new key is being checked with KIE.AI&apos;s credits endpoint</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE.AI does not accept this key: it is wrong or was revoked. Check that it was copied completely. Nothing was saved.</source>
        <extracomment>Keys dialog: KIE.AI answered 401 for the key being added</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be checked: %1 You can save it anyway; it is marked as not checked until KIE.AI answers.</source>
        <extracomment>Keys dialog: the new key could not be checked; %1 says why</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <extracomment>Keys dialog: the key is being written to the system keyring</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not saved: %1</source>
        <extracomment>Keys dialog: storing the key failed; %1 explains why</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or copy a key at &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt;. It is checked with KIE.AI, then kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <extracomment>Add-key form: the name for the new API key, e.g. &quot;Client A&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Personal, Client A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <extracomment>Add-key form: the API key itself</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold to show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for this session only (do not store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and &amp;Save</source>
        <extracomment>Add-key form button: check the key with KIE.AI, then store it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Anyway</source>
        <extracomment>Add-key form button, offered when KIE.AI could not be reached</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::AddTasksDialog</name>
    <message>
        <source>Add Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste one or more task IDs: one per line, or separated by spaces or commas. Links that contain taskId=… work too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. veo_task_abcdef123456</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task ID(s) ready to add.</source>
        <translation>
            <numerusform>%n task ID ready to add.</numerusform>
            <numerusform>%n task IDs ready to add.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated ID(s) will be added once.</source>
        <translation>
            <numerusform>%n repeated ID will be added once.</numerusform>
            <numerusform>%n repeated IDs will be added once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) are not task IDs and will be skipped: %1</source>
        <translation>
            <numerusform>%n entry is not a task ID and will be skipped: %1</numerusform>
            <numerusform>%n entries are not task IDs and will be skipped: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An API key in the key list. %1: the key&apos;s name, %2: the end of the key (&quot;…abcd&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — default</source>
        <extracomment>Marks the default API key in the key list. %1: the key&apos;s name and hint</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try all keys</source>
        <extracomment>Last entry of the key list: for task IDs whose key is not known</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each key is asked in turn, the default first; the task is kept with the key that knows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <extracomment>Label of the list of API keys in the Add Tasks dialog</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key for these tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key the tasks are checked with. Choose “Try all keys” when you do not know which key created them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::CostLedger</name>
    <message>
        <source>Could not save what the task %1 cost to the task database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::CreateRequests</name>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is offline; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request is not waiting to be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the state of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the new task ID %1 to the task database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the state of requests sent before the app stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::CreditChart</name>
    <message>
        <source>No balance readings yet: the balance is read every 10 minutes while the app runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No balance readings this day.</source>
        <extracomment>Credits chart: nothing was read on the day under the mouse</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent: %L1 credits</source>
        <extracomment>Credits chart: what the key spent on the day under the mouse</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topped up: %L1 credits</source>
        <extracomment>Credits chart: credits added to the key (a top-up on kie.ai) on that day</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last balance read: %L1 credits</source>
        <extracomment>Credits chart: the balance read last on that day</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts what changed since %1, the reading before this day.</source>
        <extracomment>Credits chart: %1 = date and time of the reading before this day</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line: balance · Bars: spent per day · ▲ top-up</source>
        <extracomment>Credits chart legend: the line, the bars and the marks</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>Credits chart: the format of the dates under the chart (QDate::toString), without year</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::DBusService</name>
    <message>
        <source>Not task IDs: %1. A task ID is 8 to 128 letters, digits, _ or -. Nothing was added.</source>
        <extracomment>D-Bus AddTasks; %1: the refused entries, quoted</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task ID given: pass one or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is labelled &quot;%1&quot;: API Keys… in the window (or `veo-tracker --list-keys`) shows the labels, &quot;&quot; is the default key. Nothing was added.</source>
        <extracomment>D-Bus AddTasks with a key label no stored key has</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;: use one of %2, or &quot;&quot; for every task.</source>
        <extracomment>D-Bus ListTasks; %2: the status keys, e.g. &quot;pending&quot;, &quot;succeeded&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AddTasks adds a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the task list: %1. %2</source>
        <extracomment>D-Bus: %1 the task IDs that are not listed, %2 what was not done (&quot;Nothing was refreshed.&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::DownloadCoordinator</name>
    <message>
        <source>The video was saved, but its description file (%1) could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to “%1” has expired and KIE did not give a new one: %2 %3</source>
        <extracomment>%1: a file name; %2: why KIE did not give a new link; %3: what to do</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to “%1” has expired, and a new one needs the task&apos;s API key, which is not available. Give the task a key (Change Key), then retry the download.</source>
        <extracomment>%1: a file name</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::DownloadListModel</name>
    <message>
        <source>%1
Task %2</source>
        <extracomment>Tooltip of a download: where the file goes and which task it belongs to</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Downloads panel column: the file&apos;s name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <extracomment>Downloads panel column: how much is downloaded</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <extracomment>Downloads panel column: bytes per second</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <extracomment>Downloads panel column: estimated time until the download is complete</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Downloads panel column: queued, downloading, failed (with why)...</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Downloads panel status: %1 &quot;Downloaded&quot;, %2 what the command run after it did</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::DownloadsDock</name>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do&amp;wnloads</source>
        <extracomment>View menu / toolbar: show or hide the Downloads panel</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the Downloads panel (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n downloading</source>
        <extracomment>Status bar button: downloads going on; opens the Downloads panel</extracomment>
        <translation>
            <numerusform>%n downloading</numerusform>
            <numerusform>%n downloading</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::DownloadsPanel</name>
    <message>
        <source>No downloads yet. Select finished tasks and choose Download (%1), or turn on automatic downloads in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Downloads panel button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <extracomment>Downloads panel button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <extracomment>Downloads panel button: try a failed download again</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Downloads panel button: stop a download and delete what was downloaded of it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected downloads and delete their partial files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>Downloads panel button: open the downloaded video with the system&apos;s player</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <extracomment>Downloads panel button: remove finished and cancelled downloads from this list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove completed and cancelled downloads from this list; the files stay on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::Engine</name>
    <message numerus="yes">
        <source>The API key “%1” has %n credit(s) left (you are warned below %L2). Top up on kie.ai to keep rendering.</source>
        <extracomment>%n: credits left; %1: the key&apos;s label; %L2: the warning level</extracomment>
        <translation>
            <numerusform>The API key “%1” has %n credit left (you are warned below %L2). Top up on kie.ai to keep rendering.</numerusform>
            <numerusform>The API key “%1” has %n credits left (you are warned below %L2). Top up on kie.ai to keep rendering.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of your API keys can see %n task(s): %1. Check the IDs, or add the key of the account that created them (API Keys…).</source>
        <extracomment>%1: one task ID, or several separated by commas</extracomment>
        <translation>
            <numerusform>None of your API keys can see task %1. Check the ID, or add the key of the account that created it (API Keys…).</numerusform>
            <numerusform>None of your API keys can see these %n tasks: %1. Check the IDs, or add the key of the account that created them (API Keys…).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>Could not save %n task update to the task database.</numerusform>
            <numerusform>Could not save %n task updates to the task database.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::ExportActions</name>
    <message>
        <source>E&amp;xport Tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected tasks, or all, as a CSV or JSON file with every field (never a key&apos;s secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no tasks to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected task(s), or all %1?</source>
        <translation>
            <numerusform>Export the %n selected task, or all %1?</numerusform>
            <numerusform>Export the %n selected tasks, or all %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <translation>
            <numerusform>Exported %n task to %1.</numerusform>
            <numerusform>Exported %n tasks to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::ExtendDialog</name>
    <message>
        <source>Extend Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE continues the video of task %1 from its last frame, following this prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast</source>
        <extracomment>Extension models, as KIE&apos;s extend endpoint names them</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extension is a new generation: KIE charges it to this key. The request is sent once; if its answer is lost, it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::FollowUpActions</name>
    <message>
        <source>KIE accepted the extension: task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade and Extend</source>
        <extracomment>Menu with Get 1080P, Get 4K and Extend for the selected task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video %1</source>
        <extracomment>Section of the Upgrade and Extend menu for one of several result videos</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get &amp;1080P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get &amp;4K…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already requested: see the task under this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free; ready in about 1-3 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs extra credits; ready in about 5-10 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the video with a new prompt (costs credits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Its &amp;Task ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE may have made this extension: find its task ID in your kie.ai logs and enter it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have reached KIE: it is never sent again by itself. Add its task ID instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a request that failed or was refused can be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Original Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original task is hidden by the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get 4K Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get the 4K version of video %1 of this task?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE charges extra credits for 4K (about twice a Fast generation), to the key %1.

The request is sent once. If its answer is lost, the next check (every 30 s or more) settles it: nothing is charged twice by this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get 4K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Its Task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task ID of this extension (from your kie.ai logs):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now checking task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (credits not checked yet)</source>
        <extracomment>%1 = key label</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 credits left, checked %3)</source>
        <extracomment>%1 = key label, %2 = credits, %3 = when they were checked</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4K requested: follow it in the task under the original one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1080P requested: follow it in the task under the original one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension sent: follow it in the task under the original one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::FollowUpCommand</name>
    <message>
        <source>The task %1 has not succeeded (%2): only a finished video can be upgraded or extended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::FollowUps</name>
    <message>
        <source>Only Veo generations and extensions can be upgraded or extended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once the video has been generated successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task has no video %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE makes no 1080P or 4K version of a video made by its fallback model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE cannot extend a video once its 1080P version was requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is available for this task: add it in Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has no credits left: top up on kie.ai, then check its credits in Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 is not in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe how the video should go on: the prompt is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds must be a number from 10000 to 99999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE refused the extension: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension was sent but its answer was lost (%1). It is not sent again: check your kie.ai logs, then add its task ID to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This extension may have reached KIE, so it is not sent again: check your kie.ai logs and add its task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original task or the request is gone; extend it anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the upgrade request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::FrameGrabber</name>
    <message numerus="yes">
        <source>The video gave no picture within %n second(s).</source>
        <translation>
            <numerusform>The video gave no picture within %n second.</numerusform>
            <numerusform>The video gave no picture within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The video could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has no picture.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::GalleryDelegate</name>
    <message>
        <source>No preview: %1</source>
        <extracomment>Tooltip of a gallery tile; %1 says why the video gave no preview picture</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <extracomment>Gallery tile of a finished video whose preview picture is being made</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview</source>
        <extracomment>Gallery tile of a finished video whose preview picture could not be made</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::GenerateCommand</name>
    <message>
        <source>Could not read the batch file %1: %2</source>
        <extracomment>--batch FILE; %1 = the file, %2 = the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The batch was not sent: %n problem(s) to fix first. Nothing was stored.</source>
        <translation>
            <numerusform>The batch was not sent: %n problem to fix first. Nothing was stored.</numerusform>
            <numerusform>The batch was not sent: %n problems to fix first. Nothing was stored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before anything was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) queued: up to 20 are sent every 10 seconds.</source>
        <extracomment>--batch: stored in the task list, sent as KIE&apos;s limit allows</extracomment>
        <translation>
            <numerusform>%n generation queued: up to 20 are sent every 10 seconds.</numerusform>
            <numerusform>%n generations queued: up to 20 are sent every 10 seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n generation(s) answered: %2 accepted, %3 refused, %4 answer lost.</source>
        <extracomment>--batch progress; %n = generations in the batch</extracomment>
        <translation>
            <numerusform>%1 of %n generation answered: %2 accepted, %3 refused, %4 answer lost.</numerusform>
            <numerusform>%1 of %n generations answered: %2 accepted, %3 refused, %4 answers lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping: %n generation(s) not sent yet stay queued in the task list; Veo Tracker sends them at its next start. Waiting for the answers on their way.</source>
        <extracomment>Ctrl+C during --batch</extracomment>
        <translation>
            <numerusform>Stopping: %n generation not sent yet stays queued in the task list; Veo Tracker sends it at its next start. Waiting for the answers on their way.</numerusform>
            <numerusform>Stopping: %n generations not sent yet stay queued in the task list; Veo Tracker sends them at its next start. Waiting for the answers on their way.</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading %1 (%2) to KIE&apos;s file storage…</source>
        <extracomment>--generate --image FILE: %1 = file name, %2 = its size</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1: %2 %</source>
        <extracomment>--generate --image FILE, every 10 %</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::GenerateDialog</name>
    <message>
        <source>New Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video: subject, action, camera, light, sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast (veo3_fast)</source>
        <extracomment>Veo 3.1 models (KIE&apos;s names in brackets)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality (veo3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lite (veo3_lite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16:9 (landscape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9:16 (portrait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (from the image)</source>
        <extracomment>Aspect ratio chosen by KIE from the image</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let KIE translate the prompt into English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by KIE (text, or the images below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First and last frames (1-2 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference images (1-3, Fast model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE charges the generation to this key. The request is saved, then sent once; if its answer is lost it is never sent again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aspect ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watermark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charged to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>No API key: add one in API Keys first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each &amp;line is its own generation (a batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every line becomes its own request with these settings. KIE takes 20 new generations every 10 seconds: the rest wait in the list, in order, and can be paused or cancelled until they are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s)</source>
        <translation>
            <numerusform>%n generation</numerusform>
            <numerusform>%n generations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n</source>
        <translation>
            <numerusform>&amp;Queue %n</numerusform>
            <numerusform>&amp;Queue %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Image addresses KIE can fetch, one per line (https://…), or images from disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the images to finish uploading.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::GenerationActions</name>
    <message>
        <source>KIE accepted the generation: task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Generation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a Veo 3.1 generation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit and Run…</source>
        <extracomment>Opens New Generation filled from the selected task&apos;s request</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new generation from this task&apos;s prompt and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Its &amp;Task ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE may have made this generation: find its task ID in your kie.ai logs and enter it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may already have been made and charged: look in your kie.ai logs first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE made nothing: sending it again is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation sent: it appears in the list with KIE&apos;s task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This generation may already have been made and charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its answer was lost, so nobody knows whether KIE accepted it. Look in your kie.ai logs first; if it is there, use Add Its Task ID instead. Sending it again may be billed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task ID of this generation (from your kie.ai logs):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Its Task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now checking task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) paused: not sent until resumed.</source>
        <translation>
            <numerusform>%n generation paused: not sent until resumed.</numerusform>
            <numerusform>%n generations paused: not sent until resumed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) back in the queue.</source>
        <translation>
            <numerusform>%n generation back in the queue.</numerusform>
            <numerusform>%n generations back in the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) removed before they were sent: nothing was charged.</source>
        <translation>
            <numerusform>%n generation removed before they were sent: nothing was charged.</numerusform>
            <numerusform>%n generations removed before they were sent: nothing was charged.</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate from &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue many generations from a CSV or JSON file: a row per generation, a column per field (prompt, model, aspect_ratio…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the selected queued generations back until you resume them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected generations that were not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) queued: KIE takes 20 every 10 seconds, the rest wait in the list in order.</source>
        <translation>
            <numerusform>%n generation queued: KIE takes 20 every 10 seconds, the rest wait in the list in order.</numerusform>
            <numerusform>%n generations queued: KIE takes 20 every 10 seconds, the rest wait in the list in order.</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate from File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch files (*.csv *.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a batch (%2 MB at most): is it the right file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was queued: %1 cannot be sent as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queue %n generation(s) from %1?</source>
        <translation>
            <numerusform>Queue %n generation from %1?</numerusform>
            <numerusform>Queue %n generations from %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are charged to %1. KIE takes 20 new generations every 10 seconds: they are sent in order, and can be paused or cancelled in the list until then. Empty fields take the last values of New Generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation saved: it waits in the list (%1) and is sent once it can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE&apos;s limit of 20 every 10 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause &amp;Before Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Sendin&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l Before Sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::Generations</name>
    <message>
        <source>KIE refused the generation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generation was sent but its answer was lost (%1). It is not sent again: check your kie.ai logs, then add its task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is available to pay for it: add one in API Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has no credits left: top up on kie.ai, then check its credits in API Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be saved, so it was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request can no longer be sent: start a new generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 is not waiting for a task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the state of the request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::ImagePicker</name>
    <message>
        <source>Add from &amp;Disk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads JPEG, PNG or WebP images to KIE&apos;s file storage (free; KIE deletes them after 3 days) and adds their addresses above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images for the Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::ImageUpload</name>
    <message>
        <source>Could not upload %1: no usable API key is selected. Add or choose a key, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: refusing to send the API key to %2 over an unencrypted connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: the file cannot be read (%2). Check that it exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: it is not a JPEG, PNG or WebP image (it looks like %2). Veo takes those three.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::ImportActions</name>
    <message>
        <source>&amp;Import Tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the task IDs in a CSV, JSON or text file, such as Export Tasks writes (keys by their label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task lists (*.csv *.json *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the tasks of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n task(s) of the file were not added.</source>
        <extracomment>Import: the user pressed Stop; %n = the tasks of the file not added</extracomment>
        <translation>
            <numerusform>Stopped: %n task of the file was not added.</numerusform>
            <numerusform>Stopped: %n tasks of the file were not added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::InstanceGuard</name>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::KeyCommands</name>
    <message>
        <source>API key (input hidden): </source>
        <extracomment>Prompt on the terminal for `veo-tracker --add-key LABEL`; the typed key is not shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key needs a label, e.g. --add-key &quot;Client A&quot;.</source>
        <extracomment>--add-key was given an empty label</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key labelled &quot;%1&quot; already exists. Choose another label.</source>
        <extracomment>--add-key: %1 is the label the user gave</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key on standard input. Pipe it in, for example: veo-tracker --add-key &quot;Client A&quot; &lt; key.txt</source>
        <extracomment>--add-key: nothing arrived on standard input</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE.AI refused this API key (%1). Check that it was copied completely. Nothing was saved.</source>
        <extracomment>--add-key: KIE.AI answered 401 for the key read from standard input</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the key with KIE.AI (%1). It is saved unchecked.</source>
        <extracomment>--add-key: the key could not be checked; %1 says why</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <extracomment>--add-key: the system keyring could not store the key; %1 says why</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved key &quot;%1&quot; (%2) in the system keyring.</source>
        <extracomment>--add-key success; %1 = label, %2 = last characters of the key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API keys are stored. Add one with: veo-tracker --add-key LABEL</source>
        <extracomment>--list-keys when no key is stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 credits (%2)</source>
        <extracomment>--list-keys column: remaining credits; %1 = number, %2 = when checked (UTC)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <extracomment>--list-keys: %1 = the key&apos;s health; marks the key from KIE_API_KEY</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What came on standard input is too long for an API key (more than %1 characters). Pipe in the key alone. Nothing was saved.</source>
        <extracomment>--add-key: standard input held far more than an API key; %1 = the most it accepts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input holds characters that cannot be part of an API key (control characters, spaces, bytes that are not ASCII). Pipe in the key alone. Nothing was saved.</source>
        <extracomment>--add-key: the input has control characters, spaces or bytes that are not ASCII</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::KeyRing</name>
    <message>
        <source>Session key</source>
        <extracomment>Label of the API key given for this run only (KIE_API_KEY), never stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default key</source>
        <extracomment>Label given to the API key that was stored before keys had names
----------
Label given to an API key entered in the simple &quot;API key&quot; dialog</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <extracomment>A key in a menu or filter: %1 is its label</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::KeysDialog</name>
    <message>
        <source>(hidden)</source>
        <extracomment>Keys dialog: the key&apos;s last characters are unknown (too short to show any)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>Keys dialog, Default column: this key is the default key
----------
Keys table column: marks the default API key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>Keys dialog: the key&apos;s credits are being checked right now</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key needs a label.</source>
        <extracomment>Keys dialog: renaming failed; %1 = the label the user typed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another key is already labelled &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the key &quot;%1&quot; (%2)? It is deleted from the system keyring. Its tasks stay in the list and need another key.</source>
        <extracomment>%1 = label of the API key, %2 = its last characters</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be removed: %1</source>
        <extracomment>Keys dialog: removing a key failed; %1 explains why (keyring problem)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default key could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Keys</source>
        <extracomment>Window title; &quot;Keys&quot; = KIE.AI API keys</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in the system keyring; only labels and the last characters are shown. Double-click a label to rename the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <extracomment>Keys table column: the name the user gave the API key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>Keys table column: last characters of the API key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits</source>
        <extracomment>Keys table column: remaining KIE.AI credits</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <extracomment>Keys table column: when the credits were checked</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Keys table column: last error of the key, or OK</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <extracomment>Keys table column: number of tasks polled with this key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as &amp;Default</source>
        <extracomment>Button: make the selected API key the default one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <extracomment>Button: check the selected API key&apos;s credits with KIE.AI now</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the keyring…</source>
        <extracomment>Shown while a system keyring operation is pending</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <extracomment>Keys dialog: %1 = the status of the key that is never stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Balance over the last %n day(s)</source>
        <extracomment>Keys dialog: the title above the balance chart while no key is selected</extracomment>
        <translation>
            <numerusform>Balance over the last day</numerusform>
            <numerusform>Balance over the last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a key to see its balance and what it spent each day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Balance of “%1” over the last %n day(s)</source>
        <extracomment>Keys dialog: the title above the balance chart; %1 = the key&apos;s label</extracomment>
        <translation>
            <numerusform>Balance of “%1” over the last day</numerusform>
            <numerusform>Balance of “%1” over the last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>The balance of a key used for this session only is not kept, so it has no history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::MainWindow</name>
    <message>
        <source>Veo Tracker — Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;Keys…</source>
        <extracomment>Menu/toolbar: manage the KIE API keys</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, test and choose the KIE API keys used to read tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Veo Tracker %1&lt;/h3&gt;&lt;p&gt;Watches your KIE.AI Veo 3.1 render tasks until they finish.&lt;/p&gt;&lt;p&gt;Task data: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keep before expiry: downloading %n video(s) that KIE deletes within %1 hours.</source>
        <extracomment>%n videos; %1 the hours of Keep before expiry (Preferences)</extracomment>
        <translation>
            <numerusform>Keep before expiry: downloading %n video that KIE deletes within %1 hours.</numerusform>
            <numerusform>Keep before expiry: downloading %n videos that KIE deletes within %1 hours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keeping videos before they expire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::Notifier</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::PlayerControls</name>
    <message>
        <source>Position</source>
        <extracomment>Accessible name of the player&apos;s position slider</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position (%1 / %2: 5 seconds back / ahead)</source>
        <extracomment>Tooltip of the position slider: %1 and %2 are the Left and Right arrow keys</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <extracomment>Accessible name of the label showing how much of the video has played</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time</source>
        <extracomment>Accessible name of the label showing the video&apos;s length</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading state</source>
        <extracomment>Accessible name of the &quot;Loading…&quot; / &quot;Buffering 45%&quot; text</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading progress</source>
        <extracomment>Accessible name of the small bar beside &quot;Loading…&quot; / &quot;Buffering 45%&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <extracomment>Accessible name and tooltip of the volume slider</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <extracomment>Player button (a toggle): play the video again from the start when it ends</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the video again from the start when it ends</source>
        <extracomment>Tooltip of the Loop button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <extracomment>Player button (a toggle): show the video on the whole screen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen (%1; %2 to leave)</source>
        <extracomment>Tooltip of the full-screen button: %1 enters, %2 leaves full screen (keys)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Player button (accessible name and tooltip)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <extracomment>Player button (accessible name and tooltip)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <extracomment>Player button (accessible name and tooltip): sound back on</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <extracomment>Player button (accessible name and tooltip): sound off</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <extracomment>Player status while the video is being opened</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffering %1%</source>
        <extracomment>Player status while data is being fetched; %1 is a percentage (0-100)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::PlayerPane</name>
    <message>
        <source>the server answered HTTP %1</source>
        <extracomment>Detail of a playback error: the media server&apos;s HTTP status code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh link could not be obtained: %1</source>
        <extracomment>Shown under an expired-link error when asking KIE for a new link failed; %1 is KIE&apos;s or the network&apos;s error message</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a fresh link…</source>
        <extracomment>The &quot;Get a fresh link&quot; button while KIE is being asked</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a fresh link</source>
        <extracomment>Player button after an expired link: ask KIE (download-url) for a new link</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to watch its video.</source>
        <extracomment>Player pane when no task is selected</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video appears here when the task has succeeded.</source>
        <extracomment>Player pane for a task that is still waiting or generating (or no longer known)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE reported no video for this task.</source>
        <extracomment>Player pane for a succeeded task whose answer had no video URL</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Video:</source>
        <extracomment>Label before the player&apos;s source switcher (Result, Origin, Full)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source</source>
        <extracomment>Accessible name of the switcher between a task&apos;s videos (result, origin, full)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of the task&apos;s videos to play</source>
        <extracomment>Tooltip of the switcher between a task&apos;s videos</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <extracomment>Player button: opens the video&apos;s web address in the default browser</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the video&apos;s web address in your browser</source>
        <extracomment>Tooltip of &quot;Open in browser&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system player</source>
        <extracomment>Player button: opens the video (the downloaded file, else its address) in the desktop&apos;s default video player</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the video in your desktop&apos;s video player (the downloaded file when there is one)</source>
        <extracomment>Tooltip of &quot;Open with system player&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <extracomment>Accessible name of the video area</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click for full screen</source>
        <extracomment>Tooltip of the video area</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Player</source>
        <extracomment>Accessible name of the whole player pane and of its placeholder text</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback problem</source>
        <extracomment>Accessible name of the title of a playback error (&quot;This video link has expired&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <extracomment>Accessible name of the explanation under a playback error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask KIE for a new temporary link to this video (valid for 20 minutes)</source>
        <extracomment>Tooltip of &quot;Get a fresh link&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <extracomment>Player button after a network error: load the video again</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play online copy</source>
        <extracomment>Player button when the downloaded file fails: stream the online copy instead</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task failed, so it has no video.</source>
        <extracomment>Player pane for a failed task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Player button: downloads the video being shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this video to the download folder; it then plays from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <extracomment>Player button, short form of &quot;Open in browser&quot; for a narrow pane</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Player</source>
        <extracomment>Player button, short form of &quot;Open with system player&quot; for a narrow pane</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE deleted the videos of this task 14 days after they were made, and none was downloaded. Its prompt and details stay in the list.</source>
        <extracomment>Player pane for a task whose videos KIE deleted (14 days) with no downloaded copy</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <extracomment>Player button opening Get 1080P, Get 4K and Extend for the task shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <extracomment>Player button, short form of &quot;Upgrade and Extend&quot; for a narrow pane</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get the 1080P or 4K version of this video, or extend it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <extracomment>Player button &quot;…&quot; holding the buttons that do not fit in a narrow pane</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::PostDownloadCommand</name>
    <message>
        <source>the task&apos;s JSON file could not be written: %1</source>
        <extracomment>%1: the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not found: install it, or give its full path.</source>
        <extracomment>%1: a program&apos;s name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <extracomment>%1: a program&apos;s path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a program that can be run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::ProblemReport</name>
    <message>
        <source>A problem report (versions, platform, keyring state and the last errors; no API key) is on the clipboard: paste it into your bug report or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report a Problem</source>
        <extracomment>Help menu: copies a report (versions, platform, errors; no secrets) to the clipboard</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy what a bug report needs to the clipboard (no API key)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::SettingsDialog</name>
    <message>
        <source>Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Suffix of the polling interval, in seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when a video is &amp;ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when a render &amp;fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a &amp;sound with notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when a key&apos;s &amp;credits fall below:</source>
        <extracomment>Settings: warn when an API key&apos;s credits (积分) fall below this number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close to the tray and keep watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close to the tray (this desktop has no tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: %1</source>
        <extracomment>Settings: the file name the template gives for a sample task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full path, starting with / (or choose a folder with Browse…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot write to this folder. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is created at the first download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <extracomment>Settings tab</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <extracomment>Settings tab</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download new videos &amp;automatically when they are ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When empty, videos are saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: {created:yyyyMMdd-HHmm}, {completed:…}, {prompt:40} (the first 40 characters), {taskId}, {model}, {resolution}, {kind} (result, origin, full), {index}, {ext}. Unsafe characters are replaced, and existing files are never overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the task&apos;s details next to each video as a .&amp;json file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simultaneous &amp;downloads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to Default</source>
        <extracomment>Settings: put the default file name template back</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep before expiry: download videos not yet on disk before KIE deletes them (14 days after they are made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download them this long &amp;before:</source>
        <extracomment>Settings: how long before KIE deletes a video Keep before expiry downloads it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <extracomment>Suffix of the Keep before expiry margin, in hours</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll at most &amp;every:</source>
        <extracomment>Settings: the longest wait between two checks of an unfinished task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between %1 and %2 seconds. Renders take 2-5 minutes: each task is checked by its age, every few seconds while renders usually finish, rarely before any can be ready, and once one could be ready never more than this apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;xed interval: check every task this often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every unfinished task at exactly this interval, whatever its age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: the video&apos;s path, the task&apos;s ID, its prompt, a JSON file describing the task; each is one argument. No shell is involved; the program is stopped after %n minute(s).</source>
        <translation>
            <numerusform>%1: the video&apos;s path, the task&apos;s ID, its prompt, a JSON file describing the task; each is one argument. No shell is involved; the program is stopped after %n minute.</numerusform>
            <numerusform>%1: the video&apos;s path, the task&apos;s ID, its prompt, a JSON file describing the task; each is one argument. No shell is involved; the program is stopped after %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>After a download, &amp;run:</source>
        <extracomment>Settings: a program run after each download, with its arguments</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notify-send &quot;Video downloaded&quot; {file}</source>
        <extracomment>Settings: an example of the command run after each download; keep {file}</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::StartGuide</name>
    <message>
        <source>Getting Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring cannot be used: %1 Your task history is shown; use API Keys… to enter a key for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <extracomment>Help menu: the steps from a fresh start to a first tracked task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Veo Tracker again with your own task list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Veo Tracker again with sample tasks from a simulated KIE server (no key needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: these sample tasks come from a simulated KIE server on this computer, and start over at every launch. Nothing is sent to KIE, and your real task list is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::StartPage</name>
    <message>
        <source>Welcome to Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in the demo: its sample tasks come from a simulated KIE server on this computer. To track your own renders, leave the demo, add your KIE API key and paste a task ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API key is ready. Next: paste the ID of a render task, and Veo Tracker watches it until its video is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two steps to your first task: add your KIE API key, then paste the ID of a render you started. Or look around in the demo first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Keys…</source>
        <extracomment>Start page button; once a key exists it opens the same dialog to manage keys</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your KIE API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: Veo Tracker has a key to read your tasks with. More keys (personal, client) can be added here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create one at &lt;a href=&quot;https://kie.ai/api-key&quot;&gt;kie.ai/api-key&lt;/a&gt; and paste it in. It is checked with KIE.AI, then kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The taskId KIE.AI returned when you started a Veo render (from a script, the web or another tool); one or many at once. Each is checked until its video is ready, then it plays and downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker starts again with your own task list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample tasks from a simulated KIE server on this computer: no key needed, nothing is sent to KIE. Veo Tracker starts again in demo mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 %2</source>
        <extracomment>Status bar: count and status, e.g. &quot;3 Generating&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 failed</source>
        <extracomment>Status bar: number of failed tasks of any kind</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next check in %n s</source>
        <translation>
            <numerusform>Next check in %n s</numerusform>
            <numerusform>Next check in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>All tasks finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln credit(s)</source>
        <extracomment>Status bar: the default key, then its credits (积分) left</extracomment>
        <translation>
            <numerusform>%1 · %Ln credit</numerusform>
            <numerusform>%1 · %Ln credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) expire soon, not downloaded</source>
        <extracomment>Status bar: videos KIE deletes within 48 hours that are not on disk</extracomment>
        <translation>
            <numerusform>%n video expires soon, not downloaded</numerusform>
            <numerusform>%n videos expire soon, not downloaded</numerusform>
        </translation>
    </message>
    <message>
        <source>KIE deletes videos 14 days after they are made. Download them now, or turn on Keep before expiry in Preferences. The status filter lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading the task list: %Ln task(s) so far…</source>
        <extracomment>Status bar while a long task list is read at start-up</extracomment>
        <translation>
            <numerusform>Reading the task list: %Ln task so far…</numerusform>
            <numerusform>Reading the task list: %Ln tasks so far…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TaskActions</name>
    <message>
        <source>&amp;Add Tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add task IDs to watch (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking the selected tasks (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the selected tasks now, or all tasks when none is selected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop checking tasks until you resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <extracomment>Menu/toolbar: download the videos of the selected tasks</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the videos of the selected tasks (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Downloaded Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Key</source>
        <extracomment>Tasks menu / context menu: move the selected tasks to another API key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n task(s).</source>
        <translation>
            <numerusform>Added %n task.</numerusform>
            <numerusform>Added %n tasks.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences in a row (Chinese needs no space after &quot;。&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked.</source>
        <translation>
            <numerusform>%n already tracked.</numerusform>
            <numerusform>%n already tracked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop tracking task %1? Its record is removed from this list; the video on KIE is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stop tracking %n tasks? Their records are removed from this list; the videos on KIE are not affected.</source>
        <translation>
            <numerusform>Stop tracking %n task? Its record is removed from this list; the video on KIE is not affected.</numerusform>
            <numerusform>Stop tracking %n tasks? Their records are removed from this list; the videos on KIE are not affected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking all tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n task(s)…</source>
        <translation>
            <numerusform>Checking %n task…</numerusform>
            <numerusform>Checking %n tasks…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n task ID(s).</source>
        <translation>
            <numerusform>Copied %n task ID.</numerusform>
            <numerusform>Copied %n task IDs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) now use the key “%1”.</source>
        <extracomment>%n tasks now use the API key labelled %1</extracomment>
        <translation>
            <numerusform>%n task now uses the key “%1”.</numerusform>
            <numerusform>%n tasks now use the key “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>No API keys yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the Owner (Try All Keys)</source>
        <extracomment>Change Key menu: ask every key which one can see the selected tasks</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asking each API key about %n task(s)…</source>
        <translation>
            <numerusform>Asking each API key about %n task…</numerusform>
            <numerusform>Asking each API key about %n tasks…</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 belongs to the key “%2”.</source>
        <extracomment>%1: a task ID; %2: the label of the API key that owns it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 belongs to the default key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::TaskDetailsPane</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks selected.</source>
        <translation>
            <numerusform>%n task selected.</numerusform>
            <numerusform>%n tasks selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ID</source>
        <extracomment>Details pane label</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Details pane label: status of a task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <extracomment>Details pane label: which API key polls this task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request (paramJson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Details pane button: download this video</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <extracomment>Details pane button: show the downloaded video in the file manager</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key removed (right-click the task: Change Key)</source>
        <extracomment>Details pane: the task&apos;s key was removed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding owner (each of your keys is asked)</source>
        <extracomment>Details pane: &quot;Try all keys&quot; is still asking each key whether the task is theirs</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <extracomment>Details pane: a video link after KIE deleted the video (14 days)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade and Extend</source>
        <extracomment>Details pane button opening Get 1080P, Get 4K and Extend for this task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos expire</source>
        <extracomment>Details pane label: when KIE deletes the task&apos;s videos (14 days after they were made). Value e.g. &quot;in 3 days (Saturday, 12 December 2026 14:02)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <extracomment>Details pane label: the credits the task cost (unknown: no row)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::TaskListPane</name>
    <message>
        <source>Search task ID, prompt or error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses (%L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <extracomment>Status filter entry: status name and how many tasks have it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key removed</source>
        <extracomment>Key filter entry: tasks whose key was removed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon, not downloaded (%L1)</source>
        <extracomment>Status filter entry: finished videos not downloaded that KIE deletes within 48 hours</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired, not downloaded (%L1)</source>
        <extracomment>Status filter entry: videos KIE has deleted (14 days) with no copy on disk</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task gallery</source>
        <extracomment>The task list shown as a grid of video pictures</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List</source>
        <extracomment>View menu: show the tasks as the table (Ctrl+1)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <extracomment>View menu: show the tasks as a grid of video pictures (Ctrl+2)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pictures in the List</source>
        <extracomment>View menu: a small picture of each finished video beside its prompt in the list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a picture of each finished video beside its prompt (taken from the video, kept in the cache)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::TaskRepository</name>
    <message>
        <source>Could not remove tasks from the task database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>Could not save %n task update to the task database.</numerusform>
            <numerusform>Could not save %n task updates to the task database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not add %n task(s) to the task database.</source>
        <translation>
            <numerusform>Could not add %n task to the task database.</numerusform>
            <numerusform>Could not add %n tasks to the task database.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the new task ID %1 to the task database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only %n task(s) could be read from the task list: %1. The list shows those; nothing was changed in the file. Quit and start Veo Tracker again to read it again.</source>
        <extracomment>%1 = SQLite&apos;s reason, e.g. &quot;database disk image is malformed&quot;</extracomment>
        <translation>
            <numerusform>Only %n task could be read from the task list: %1. The list shows it; nothing was changed in the file. Quit and start Veo Tracker again to read it again.</numerusform>
            <numerusform>Only %n tasks could be read from the task list: %1. The list shows those; nothing was changed in the file. Quit and start Veo Tracker again to read it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TaskStore</name>
    <message>
        <source>Could not create the folder %1 for the task list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the task list: %1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task list %1 is damaged and could not be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task list could not be read. It was moved to %1 and a new, empty task list was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the task list %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SQLite driver for Qt is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task list %1 was written by a newer version of Veo Tracker (format %2; this version understands up to %3). It was left unchanged: please update Veo Tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the task list %1: its folder or the file is read-only (%2). Make them writable and start Veo Tracker again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task list is not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::TaskTableModel</name>
    <message>
        <source>%1 (code %2)</source>
        <extracomment>Error column for a failed task: %1 is KIE&apos;s error message, %2 its error code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code %1</source>
        <extracomment>Error column for a failed task that came with a code but no message</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>API key column: the task uses the default key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ID</source>
        <extracomment>Column header: KIE&apos;s task ID</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Column header: status of a task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <extracomment>Column header: the text prompt the video was generated from</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <extracomment>Column header: the Veo model (veo3, veo3_fast)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <extracomment>Column header: video resolution (720p, 1080p)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Column header: when KIE created the task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <extracomment>Column header: when KIE finished the task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <extracomment>Column header: which API key polls the task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <extracomment>Column header: when the app last asked KIE about the task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <extracomment>Column header: the last error for the task</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <extracomment>Column header: whether the task&apos;s video is downloaded (or how far)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key this task was checked with has been removed. Right-click the task and choose Change Key to pick another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key removed</source>
        <extracomment>API key column: the task&apos;s key was removed; the user must pick another</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each of your API keys is asked whether this task is theirs. The task is checked with the one that knows it.</source>
        <extracomment>Tooltip of &quot;Finding owner…&quot; in the API key column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding owner…</source>
        <extracomment>API key column: &quot;Try all keys&quot; is asking each key whether the task is theirs</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <extracomment>Column header: when KIE deletes the task&apos;s videos (14 days after they were made)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Made from task %2</source>
        <extracomment>Tooltip of a child task (an upgrade or extension): its ID and its parent&apos;s</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task ID yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIE deletes this task&apos;s videos on %1 (14 days after they were made). Download them before then; a downloaded copy stays.</source>
        <extracomment>Tooltip of the Expires column: %1 = date and time</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension</source>
        <extracomment>A child task that extends the video of its parent</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ready</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, whose video is ready</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, which failed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 processing</source>
        <extracomment>In a task&apos;s status: %1 = 1080P, 4K or Extension, still being made</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1080P of video %1</source>
        <extracomment>A child task in the list: the 1080P version of the parent&apos;s video %1 (1, 2...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4K of video %1</source>
        <extracomment>A child task in the list: the 4K version of the parent&apos;s video %1 (1, 2...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension (no task ID yet)</source>
        <extracomment>A child task in the list: an extension whose request was not accepted yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <extracomment>Status of a 4K upgrade (requested, no answer yet) or an extension being sent</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested, answer lost</source>
        <extracomment>Status: the request went out but its answer never came; it is not sent again</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, answer lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <extracomment>Status: KIE refused the request (nothing was made or charged)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>Expires column: KIE has deleted the task&apos;s videos (after 14 days)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <extracomment>Expires column: the videos are deleted in this many days</extracomment>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <extracomment>Expires column: the videos are deleted in this many hours</extracomment>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <extracomment>Expires column: the videos are deleted in this many minutes</extracomment>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <extracomment>Status: a new generation stored and waiting for its turn (KIE takes 20 per 10 s)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Status: a queued generation the user held back; it is not sent until resumed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <extracomment>Column header: how many credits the task cost</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <extracomment>What a task cost, e.g. &quot;60 credits&quot; (KIE&apos;s credits: 积分)</extracomment>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min, longer than usual</source>
        <extracomment>Status after &quot;Generating&quot;: a render running for %1 minutes, far longer than the usual 2-5 minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still generating after %1 minutes. Renders usually take 2-5 minutes, and KIE reports a timeout upstream after about 10. It is still checked; if it stays like this, look at the task in your kie.ai logs.</source>
        <extracomment>Tooltip of a render still generating after %1 minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>A span of time in seconds, e.g. &quot;45 s&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>A span of time, e.g. &quot;2 min 31 s&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A span of time, e.g. &quot;1 h 5 min&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, retrying now</source>
        <extracomment>Status after a failed check: %1 = what went wrong (&quot;server error&quot;); the check is being made again now</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, retry in %2</source>
        <extracomment>Status after a failed check: %1 = what went wrong (&quot;server error&quot;), %2 = when it is checked again (&quot;40 s&quot;, &quot;2 min 5 s&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next check at %1; Refresh Now checks at once.</source>
        <extracomment>Tooltip of a task whose last check failed: %1 = the time of the next check</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>veo::TaskTracker</name>
    <message>
        <source>Could not save the new API key of the tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n task update(s) to the task database.</source>
        <translation>
            <numerusform>Could not save %n task update to the task database.</numerusform>
            <numerusform>Could not save %n task updates to the task database.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veo::TrayIcon</name>
    <message>
        <source>Show Veo Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veo Tracker: %1, %2</source>
        <extracomment>Tray tooltip, e.g. &quot;2 generating, 1 ready&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generating</source>
        <translation>
            <numerusform>%n generating</numerusform>
            <numerusform>%n generating</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) expire soon, not downloaded</source>
        <extracomment>Tray tooltip, second line: videos KIE deletes within 48 hours, not on disk</extracomment>
        <translation>
            <numerusform>%n video expires soon, not downloaded</numerusform>
            <numerusform>%n videos expire soon, not downloaded</numerusform>
        </translation>
    </message>
</context>
</TS>
