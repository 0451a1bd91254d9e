using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ServerlessHub.Chat;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

public sealed class ChatRepliesTests
{
    // WeCom takes at most 2048 bytes of text in a passive reply or a robot text message (shared/reference/platform-facts.md).
    private const int TextLimitBytes = 2048;

    public static TheoryData<string> Cases => ReplyCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reply_DemoHubModel_MatchesGoldenFile(string name) =>
        Golden.AssertMatches(name, ReplyCases.All[name]().Text);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reply_DemoHubModel_FitsOneWeComTextMessage(string name) =>
        Assert.InRange(Encoding.UTF8.GetByteCount(ReplyCases.All[name]().Text), 1, TextLimitBytes);

    [Fact]
    public void Receipt_FieldsAtTheirLongest_ClipsValuesAndFitsOneMessage()
    {
        var hub = DemoHubs.Kindergartens;
        var kind = hub.ReportOf("monthly");
        var replies = ReplyCases.Replies(ReplyCases.Thursday);
        var period = hub.Timeline(kind).FromKey("2026-10")!;
        Prop.ForAll(Gen.Elements("工", "作", "😀", "a", " ", "\n").ArrayOf().Select(parts => string.Concat(parts)).Where(s => s.Trim().Length > 0).ToArbitrary(), text =>
        {
            var repeated = new StringInfo(string.Concat(Enumerable.Repeat(text, (2000 / text.Length) + 1)));
            var value = repeated.SubstringByTextElements(0, Math.Min(2000, repeated.LengthInTextElements));
            var fields = kind.Fields.ToDictionary(f => f.Id, _ => value);
            var submission = new Submission(hub.Id, kind.Id, period.Key, "moling", "moling", fields, SubmissionChannel.WeComApp, "wangxiaomei",
                ReplyCases.Thursday, ReplyCases.Thursday, true, 7, false);

            var reply = replies.Receipt(hub, kind, period, submission, RevisionAction.Revised, kind.Fields.Select(f => new FieldChange(f.Id, "旧", value)).ToList());

            return Encoding.UTF8.GetByteCount(reply.Text) <= TextLimitBytes
                && reply.Text.Split('\n').All(line => new StringInfo(line).LengthInTextElements <= 80)
                && !reply.Text.Contains('\uFFFD', StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Missing_EveryUnitMissing_FitsOneMessage()
    {
        var hub = DemoHubs.Kindergartens;
        var kind = hub.ReportOf("weekly");
        var period = hub.Timeline(kind).Containing(ReplyCases.Saturday)!;
        var status = PeriodStatus.Compute(hub, kind, period, [], [], ReplyCases.Saturday);

        var reply = ReplyCases.Replies(ReplyCases.Saturday).Missing(hub, kind, status);

        Assert.Contains("未报：秣陵中心幼儿园、谷里中心幼儿园", reply.Text, StringComparison.Ordinal);
        Assert.Contains("按期报送率：0%", reply.Text, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(reply.Text), 1, TextLimitBytes);
    }

    [Fact]
    public void ForIntent_DraftWithEveryFieldWrong_FitsOneMessage()
    {
        var hub = DemoHubs.Kindergartens;
        var kind = hub.ReportOf("monthly");
        var errors = kind.Fields.Select(f => new Chat.FieldError(f, FieldErrorCode.TooLong, new string('长', 50) + "…", 2000, [])).ToList();
        var draft = new ReportDraft([], kind.Fields.Where(f => f.Required).ToList(), ["进展", "计划", "备注"], errors, "各位老师好");

        var reply = ReplyCases.Replies(ReplyCases.Thursday).ForIntent(hub, hub.PersonOf("wangxiaomei"), new SubmitReport(kind, draft, null));

        Assert.InRange(Encoding.UTF8.GetByteCount(reply.Text), 1, TextLimitBytes);
    }

    public static TheoryData<ChatIntent> StorageIntents => new((ChatIntent[])[
        new ShowStatus(),
        new StartInterview(DemoHubs.Kindergartens.ReportOf("weekly"), InterviewPurpose.Submit, null),
        new WithdrawReport(DemoHubs.Kindergartens.ReportOf("weekly"), null),
        new ListMissing(DemoHubs.Kindergartens.ReportOf("weekly"), null),
        new UrgeMissing(DemoHubs.Kindergartens.ReportOf("weekly"), null),
        new RequestLeave(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), null),
        new SubmitReport(DemoHubs.Kindergartens.ReportOf("weekly"), GoodDraft(), null),
        new ReviseReport(DemoHubs.Kindergartens.ReportOf("weekly"), GoodDraft(), null)]);

    [Theory]
    [MemberData(nameof(StorageIntents))]
    public void ForIntent_IntentNeedingStorage_ThrowsArgumentException(ChatIntent intent)
    {
        var hub = DemoHubs.Kindergartens;

        Assert.Throws<ArgumentException>(() => ReplyCases.Replies(ReplyCases.Thursday).ForIntent(hub, hub.PersonOf("wangxiaomei"), intent));
    }

    [Fact]
    public void Refused_Saved_ThrowsArgumentException()
    {
        var hub = DemoHubs.Kindergartens;
        var kind = hub.ReportOf("weekly");

        Assert.Throws<ArgumentException>(() => ReplyCases.Replies(ReplyCases.Thursday).Refused(hub, kind, hub.Timeline(kind).Containing(ReplyCases.Thursday)!, ReplyCases.Saved()));
    }

    [Fact]
    public void UnknownSender_OverlongUserId_IsClipped()
    {
        var reply = ReplyCases.Replies(ReplyCases.Thursday).UnknownSender(DemoHubs.Kindergartens, new string('x', 5000));

        Assert.InRange(Encoding.UTF8.GetByteCount(reply.Text), 1, 400);
    }

    private static ReportDraft GoodDraft()
    {
        var kind = DemoHubs.Kindergartens.ReportOf("weekly");
        return new ReportDraft([new FieldValue(kind.Fields[0], "观摩", null, null), new FieldValue(kind.Fields[2], "教研", null, null)], [], [], [], null);
    }
}
