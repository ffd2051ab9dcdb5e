package io.kefu.plugin.express;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.kefu.plugin.api.Label;

/**
 * A local carrier whose events follow from the waybill number alone, so demos and tests see the
 * same parcel history every time: the digits choose the route (origin and destination cities),
 * how many transit scans there are, and how the journey ends (delivered, out for delivery, or
 * held with an exception, which is what complaints are about). Times count back from
 * {@code asOf}, truncated to the hour so repeated calls within an hour agree.
 */
public final class SimulatedCarrier implements CarrierAdapter {

    static final Pattern WAYBILL = Pattern.compile("[A-Z]{2}[0-9]{10,13}");

    private static final String[][] CITIES = {
            {"深圳", "Shenzhen"}, {"广州", "Guangzhou"}, {"上海", "Shanghai"}, {"杭州", "Hangzhou"}, {"北京", "Beijing"},
            {"武汉", "Wuhan"}, {"成都", "Chengdu"}, {"西安", "Xi'an"}, {"南京", "Nanjing"}, {"郑州", "Zhengzhou"}};

    @Override
    public String code() {
        return "simulated";
    }

    @Override
    public boolean recognises(String waybillNo) {
        return waybillNo != null && WAYBILL.matcher(waybillNo).matches();
    }

    @Override
    public List<TrackingEvent> track(String waybillNo, Instant asOf) {
        if (!recognises(waybillNo)) {
            return List.of();
        }
        String digits = waybillNo.substring(2);
        int d = digits.length();
        int origin = digit(digits, d - 1);
        int destination = (origin + 1 + digit(digits, d - 2) % 9) % CITIES.length;
        int transitScans = 1 + digit(digits, d - 3) % 3;
        int ending = digit(digits, d - 4) % 4; // 0-1 delivered, 2 out for delivery, 3 exception
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[]{"PICKED_UP", CITIES[origin][0], CITIES[origin][1], "快件已揽收", "Picked up"});
        for (int i = 0; i < transitScans; i++) {
            String[] hub = CITIES[(origin + 3 + i * 2) % CITIES.length];
            steps.add(new String[]{"IN_TRANSIT", hub[0] + "转运中心", hub[1] + " hub", "快件到达转运中心", "Arrived at sorting hub"});
        }
        String[] to = CITIES[destination];
        steps.add(new String[]{"ARRIVED", to[0] + "营业点", to[1] + " station", "快件到达派送网点", "Arrived at delivery station"});
        switch (ending) {
            case 2 -> steps.add(new String[]{"OUT_FOR_DELIVERY", to[0] + "营业点", to[1] + " station", "快递员正在派送", "Out for delivery"});
            case 3 -> steps.add(new String[]{"EXCEPTION", to[0] + "营业点", to[1] + " station", "派送异常：地址不详，快件滞留",
                    "Delivery exception: address unclear, parcel held"});
            default -> {
                steps.add(new String[]{"OUT_FOR_DELIVERY", to[0] + "营业点", to[1] + " station", "快递员正在派送", "Out for delivery"});
                steps.add(new String[]{"DELIVERED", to[0], to[1], "已签收", "Delivered and signed for"});
            }
        }
        Instant end = asOf.truncatedTo(ChronoUnit.HOURS);
        Duration gap = Duration.ofHours(6 + digit(digits, 0) % 6);
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String[] s = steps.get(i);
            Instant at = end.minus(gap.multipliedBy(steps.size() - i));
            events.add(new TrackingEvent(i + 1, at, s[0], s[1] + " / " + s[2], Label.of(s[3], s[4])));
        }
        return events;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
