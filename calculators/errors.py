"""The one exception type for bad user input, carrying Swedish messages per field."""


class InputError(ValueError):
    """Invalid input. `messages` is a list of {"falt": field or None, "meddelande": Swedish text}."""

    def __init__(self, messages):
        if isinstance(messages, str):
            messages = [{"falt": None, "meddelande": messages}]
        self.messages = list(messages)
        super().__init__("; ".join(m["meddelande"] for m in self.messages))

    @classmethod
    def field(cls, field, message):
        return cls([{"falt": field, "meddelande": message}])
