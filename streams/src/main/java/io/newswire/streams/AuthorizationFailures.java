package io.newswire.streams;

import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Says which ACL the topology's principal lacks when Kafka refused it: Kafka names the topics and the group it
 * refused, but not the transactional id, and neither says what to grant.
 */
public final class AuthorizationFailures {

    private AuthorizationFailures() {
    }

    /**
     * @return one sentence naming what was refused and what to do, or null when {@code error} is no authorization
     *         failure
     */
    public static String explain(final Throwable error, final PipelineConfig config) {
        final String remedy = ": grant the topology's principal the ACLs that 'newswire acls --print' lists "
            + "(or apply them with 'newswire acls --apply')";
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TopicAuthorizationException topics) {
                // Refused topic creations (Kafka Streams' internal topics) and admin calls leave the set empty; the
                // outermost message names the topic then ("Could not create topic …", "cannot describe topic …").
                return "not authorized to access topics " + (topics.unauthorizedTopics().isEmpty()
                    ? "(" + error.getMessage() + ")" : topics.unauthorizedTopics()) + remedy;
            }
            if (cause instanceof GroupAuthorizationException group) {
                return "not authorized to use consumer group " + group.groupId() + remedy;
            }
            if (cause instanceof TransactionalIdAuthorizationException) {
                return "not authorized to use the transactional ids " + config.applicationId()
                    + "-* (exactly_once_v2 needs WRITE on the transactional ids prefixed " + config.applicationId()
                    + "-)" + remedy;
            }
            if (cause instanceof ClusterAuthorizationException) {
                return "not authorized on the cluster (" + cause.getMessage() + ")" + remedy;
            }
        }
        return null;
    }
}
