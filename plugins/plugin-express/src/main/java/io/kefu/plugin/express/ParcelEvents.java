package io.kefu.plugin.express;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDatabase;

/** The plugin's own table {@code express_parcel_event} in the tenant's schema. */
final class ParcelEvents {

    private ParcelEvents() {
    }

    /** Stores events not stored yet (by waybill and sequence); returns how many were new. */
    static int save(PluginDatabase db, String carrier, String waybillNo, List<TrackingEvent> events) throws SQLException {
        return db.inTenantSchema(c -> {
            List<TrackingEvent> known = load(c, waybillNo);
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into express_parcel_event "
                    + "(id, waybill_no, seq, occurred_at, status, location, description_zh, description_en, carrier) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TrackingEvent e : events) {
                    if (known.stream().anyMatch(k -> k.seq() == e.seq())) {
                        continue;
                    }
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, waybillNo);
                    ps.setInt(3, e.seq());
                    ps.setTimestamp(4, Timestamp.from(e.at()));
                    ps.setString(5, e.status());
                    ps.setString(6, e.location());
                    ps.setString(7, e.description().zhCN());
                    ps.setString(8, e.description().en());
                    ps.setString(9, carrier);
                    ps.addBatch();
                    added++;
                }
                if (added > 0) {
                    ps.executeBatch();
                }
            }
            return added;
        });
    }

    static List<TrackingEvent> load(PluginDatabase db, String waybillNo) throws SQLException {
        return db.inTenantSchema(c -> load(c, waybillNo));
    }

    private static List<TrackingEvent> load(Connection c, String waybillNo) throws SQLException {
        List<TrackingEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, occurred_at, status, location, description_zh, description_en "
                + "from express_parcel_event where waybill_no = ? order by seq")) {
            ps.setString(1, waybillNo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrackingEvent(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            Label.of(rs.getString(5), rs.getString(6))));
                }
            }
        }
        return out;
    }
}
