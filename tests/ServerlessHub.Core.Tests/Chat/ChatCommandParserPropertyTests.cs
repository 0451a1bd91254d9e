using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServerlessHub.Hubs;
using static ServerlessHub.Chat.ChatHubs;

namespace ServerlessHub.Chat;

/// <summary>Whatever is sent, the chat core answers — and what it does not understand gets help.</summary>
public sealed class ChatCommandParserPropertyTests
{
    // Words and marks the readers give meaning to, plus awkward characters.
    private static readonly string[] Tokens =
    [
        "周报", "本周进展", "存在问题", "下周计划", "活动场次", "月报", "学期计划", "线索通报", "发现日期", "紧急程度",
        "修改", "撤回", "未交", "催报", "请假", "帮助", "状态", "取消", "跳过", "至", "到", "~", "-", "上周", "10月", "十二月",
        "11月24日", "2026-11-24", "2026/2/30", "明天", "下周五", "26日", "１２", "12场", "1,200", "较重", "重",
        "：", ":", "；", ";", "、", "1、", "\n", "\r\n", " ", "\u3000", "@机器人 ", "?", "？", "\uD800", "\uDC00", "😀", "\0", "\uFEFF",
    ];

    private static readonly Person[] Senders = [Liaison, Coordinator, LiaisonCoordinator, Leader, Person(Medical, "hejianjun")];

    private static readonly Gen<string> Mixed =
        Gen.Elements(Tokens).ArrayOf().Select(parts => string.Concat(parts));

    // No command word, report name or mention can start a message built from these.
    private static readonly Gen<string> Unknown =
        Gen.Elements("abcdefgxyz0123456789 ，。！、\n天地人山水好的吗对".ToCharArray()).ArrayOf().Select(chars => new string(chars));

    [Property]
    public bool Parse_AnyString_ReturnsACommand(string? text) =>
        Senders.All(sender => ChatCommandParser.Parse(text, sender, Kindergartens, Today) is not null);

    [Property(MaxTest = 300)]
    public Property Parse_MixedCommandWords_ReturnsACommand() =>
        Prop.ForAll(Mixed.ToArbitrary(), text =>
            Senders.All(sender => ChatCommandParser.Parse(text, sender, Medical, Today) is not null
                && ChatCommandParser.Parse(text, sender, Kindergartens, new DateOnly(2026, 12, 31)) is not null));

    [Property(MaxTest = 300)]
    public Property Handle_MixedCommandWordsDuringInterview_ReturnsAResult() =>
        Prop.ForAll(Mixed.ToArbitrary(), text =>
        {
            var now = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
            var started = ChatTurn.Handle(Kindergartens, Liaison, null, "周报", now);
            var answered = ChatTurn.Handle(Kindergartens, Liaison, started.Conversation, "观摩", now);
            var result = ChatTurn.Handle(Kindergartens, Liaison, answered.Conversation, text, now);
            return result.Intent is not null && result.Expired is null;
        });

    [Property]
    public Property Parse_UnknownText_IsHelpNotUnderstood() =>
        Prop.ForAll(Unknown.ToArbitrary(), text =>
            Senders.All(sender => ChatCommandParser.Parse(text, sender, Kindergartens, Today) is ShowHelp { Reason: HelpReason.NotUnderstood }));
}
