package org.boxoffice.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rules as a client sends them: every member is optional. On creation the missing ones take
 * their {@link Rules#DEFAULTS defaults}; on a change they keep their current value (so a change
 * cannot clear {@code limitGroup}; that needs a new event).
 */
public record RulesDefinition(
        @Nullable @Min(1) @Max(3600) Integer holdTtlSeconds,
        @Nullable @Min(1) @Max(1000) Integer maxTicketsPerUser,
        @Nullable @Min(1) @Max(100) Integer maxActiveOrdersPerUser,
        @Nullable @Min(0) @Max(8760) Integer refundCutoffHours,

        @Nullable @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1 to 64 letters, digits, _ . -")
        String limitGroup,

        @Nullable @Valid WaitingRoomDefinition waitingRoom) {

    public static final RulesDefinition NONE = new RulesDefinition(null, null, null, null, null, null);

    /** These rules laid over {@code base}: what is given replaces, what is missing stays. */
    public Rules applyTo(Rules base) {
        return new Rules(
                holdTtlSeconds != null ? holdTtlSeconds : base.holdTtlSeconds(),
                maxTicketsPerUser != null ? maxTicketsPerUser : base.maxTicketsPerUser(),
                maxActiveOrdersPerUser != null ? maxActiveOrdersPerUser : base.maxActiveOrdersPerUser(),
                refundCutoffHours != null ? refundCutoffHours : base.refundCutoffHours(),
                limitGroup != null ? limitGroup : base.limitGroup(),
                waitingRoom != null ? waitingRoom.applyTo(base.waitingRoom()) : base.waitingRoom());
    }

    public record WaitingRoomDefinition(
            @Nullable Boolean enabled,
            @Nullable @Min(1) @Max(1_000_000) Integer admitPerSecond,
            @Nullable @Min(0) @Max(1440) Integer opensMinutesBefore,
            @Nullable @Min(10) @Max(3600) Integer tokenTtlSeconds) {

        Rules.WaitingRoom applyTo(Rules.WaitingRoom base) {
            return new Rules.WaitingRoom(
                    enabled != null ? enabled : base.enabled(),
                    admitPerSecond != null ? admitPerSecond : base.admitPerSecond(),
                    opensMinutesBefore != null ? opensMinutesBefore : base.opensMinutesBefore(),
                    tokenTtlSeconds != null ? tokenTtlSeconds : base.tokenTtlSeconds());
        }
    }
}
