using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ServerlessHub.Hubs.Documents;

/// <summary>
/// Reads YAML into a <see cref="DocumentNode"/> tree from YamlDotNet's event stream, never its object graph: aliases
/// are refused outright (so no alias-expansion bomb), nesting is bounded, duplicate keys are errors. YamlDotNet's
/// parser keeps its own state on a heap stack, so deep input cannot overflow the call stack before the bound trips.
/// </summary>
internal static partial class YamlDocumentReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static DocumentNode? Read(string text, ErrorList errors)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            return ReadEvents(new Parser(scanner), errors);
        }
        catch (YamlException ex)
        {
            errors.AddSyntax(
                Position(ex.Start),
                HubDefinitionErrorCodes.YamlSyntax,
                "YAML syntax error: " + Reason(ex),
                "YAML 语法错误：" + Reason(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1's scanner fails this way on some malformed flow collections (e.g. an unclosed '['
            // followed by a block key) instead of raising a YamlException; the scanner's position is still right.
            errors.AddSyntax(
                Position(scanner.CurrentPosition),
                HubDefinitionErrorCodes.YamlSyntax,
                "YAML syntax error: the text cannot be read here; an unclosed bracket, brace or quote is the usual cause",
                "YAML 语法错误：无法从此处继续读取，通常是括号或引号未闭合");
            return null;
        }
    }

    private static DocumentNode? ReadEvents(Parser parser, ErrorList errors)
    {
        var open = new Stack<OpenCollection>();
        DocumentNode? root = null;
        int documents = 0;
        while (parser.MoveNext())
        {
            ParsingEvent current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        errors.AddSyntax(Position(current.Start), HubDefinitionErrorCodes.MultipleDocuments,
                            "only one YAML document is allowed; remove the second '---'",
                            "只允许一个 YAML 文档，请删除第二个 '---'");
                        return null;
                    }

                    break;
                case AnchorAlias:
                    errors.AddSyntax(Position(current.Start), HubDefinitionErrorCodes.Alias,
                        "YAML aliases (*name) are not supported; write the value out",
                        "不支持 YAML 别名（*name），请直接写出取值");
                    return null;
                case NodeEvent node when !node.Tag.IsEmpty && !(node is Scalar && node.Tag.Value == StringTag):
                    errors.AddSyntax(Position(current.Start), HubDefinitionErrorCodes.Tag,
                        $"YAML tag '{Excerpt.Of(node.Tag.Value)}' is not supported",
                        $"不支持 YAML 标签 '{Excerpt.Of(node.Tag.Value)}'");
                    return null;
                case Scalar scalar:
                    var value = new ScalarNode(
                        Position(scalar.Start),
                        scalar.Value,
                        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);
                    if (open.Count == 0)
                    {
                        root = value;
                    }
                    else if (!open.Peek().Add(value, errors))
                    {
                        return null;
                    }

                    break;
                case MappingStart or SequenceStart:
                    if (open.Count >= HubDefinitionLimits.MaxDepth)
                    {
                        errors.AddSyntax(Position(current.Start), HubDefinitionErrorCodes.TooDeep,
                            $"nesting is deeper than {HubDefinitionLimits.MaxDepth} levels",
                            $"嵌套超过 {HubDefinitionLimits.MaxDepth} 层");
                        return null;
                    }

                    if (open.Count > 0 && open.Peek().ExpectsKey)
                    {
                        errors.AddSyntax(Position(current.Start), HubDefinitionErrorCodes.ComplexKey,
                            "a mapping key must be a plain string",
                            "映射的键必须是普通字符串");
                        return null;
                    }

                    open.Push(new OpenCollection(Position(current.Start), current is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    DocumentNode done = open.Pop().ToNode();
                    if (open.Count == 0)
                    {
                        root = done;
                    }
                    else if (!open.Peek().Add(done, errors))
                    {
                        return null;
                    }

                    break;
            }
        }

        if (root is null or ScalarNode { IsNull: true })
        {
            errors.Add("", null, HubDefinitionErrorCodes.Empty, "the document is empty", "文档为空");
            return null;
        }

        return root;
    }

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    // YamlDotNet puts "(Line: 1, Col: 2, Idx: 3) - (Line: …): " before the reason; the error carries the position already.
    private static string Reason(YamlException ex) => MarkPrefix().Replace(ex.Message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
