// Small browser helpers of the AgentOps dashboard.
window.agentOps = {
  // Remembers the person's light or dark choice for a year (read back by the server on the next visit).
  rememberTheme: function (name, value) {
    document.cookie = name + "=" + value + "; path=/; max-age=31536000; samesite=lax";
  }
};
