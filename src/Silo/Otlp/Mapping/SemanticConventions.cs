namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>The OpenTelemetry GenAI semantic-convention names the mapper reads.</summary>
internal static class GenAi
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string System = "gen_ai.system"; // deprecated for gen_ai.provider.name
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string PromptTokens = "gen_ai.usage.prompt_tokens"; // deprecated for input_tokens
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string CompletionTokens = "gen_ai.usage.completion_tokens"; // deprecated for output_tokens
    public const string CacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens";
    public const string CacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens";
    public const string ReasoningOutputTokens = "gen_ai.usage.reasoning.output_tokens";
    public const string ConversationId = "gen_ai.conversation.id";
    public const string InputMessages = "gen_ai.input.messages";
    public const string OutputMessages = "gen_ai.output.messages";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolType = "gen_ai.tool.type";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ToolCallArguments = "gen_ai.tool.call.arguments";
    public const string ToolCallResult = "gen_ai.tool.call.result";
    public const string ErrorType = "error.type";

    /// <summary>The span event that carries one evaluation result.</summary>
    public const string EvaluationResultEvent = "gen_ai.evaluation.result";
    public const string EvaluationName = "gen_ai.evaluation.name";
    public const string EvaluationScoreValue = "gen_ai.evaluation.score.value";
    public const string EvaluationScoreLabel = "gen_ai.evaluation.score.label";

    /// <summary>Values of <c>gen_ai.operation.name</c>.</summary>
    public static class Operations
    {
        public const string Chat = "chat";
        public const string TextCompletion = "text_completion";
        public const string GenerateContent = "generate_content";
        public const string ExecuteTool = "execute_tool";
        public const string InvokeAgent = "invoke_agent";
    }

    /// <summary>The prefix of every GenAI attribute.</summary>
    public const string Prefix = "gen_ai.";
}

/// <summary>The OpenInference semantic-convention names the mapper reads.</summary>
internal static class OpenInference
{
    public const string SpanKind = "openinference.span.kind";
    public const string ModelName = "llm.model_name";
    public const string Provider = "llm.provider";
    public const string System = "llm.system";
    public const string PromptTokens = "llm.token_count.prompt";
    public const string CompletionTokens = "llm.token_count.completion";
    public const string CacheReadTokens = "llm.token_count.prompt_details.cache_read";
    public const string CacheWriteTokens = "llm.token_count.prompt_details.cache_write";
    public const string ReasoningTokens = "llm.token_count.completion_details.reasoning";
    public const string CostTotal = "llm.cost.total";
    public const string ToolName = "tool.name";
    public const string InputValue = "input.value";
    public const string OutputValue = "output.value";
    public const string SessionId = "session.id";

    /// <summary>Values of <c>openinference.span.kind</c> (upper case in the convention; compared ignoring case).</summary>
    public static class Kinds
    {
        public const string Llm = "LLM";
        public const string Tool = "TOOL";
        public const string Agent = "AGENT";
        public const string Chain = "CHAIN";
    }
}
